"""Statements about the review process planted in synthetic interviews: what helped, what hindered, what to change.

Each factor of the ``review_process`` codebook has sentences saying it helped
and sentences saying it hindered, and a suggestion for next time.  The
wording is written for the generator from how officers talk about a review
week, not from the codebook's vocabulary, so that the coder is checked, not
echoed.  Which factor an interview comments on, and with which valence, is
drawn by :func:`process_plan` from :class:`~impact.synth.SynthEffects`.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["PROCESS_CODES", "RECOMMENDATION", "process_sentence", "recommendation_sentence", "process_plan"]

#: Factor and stage codes of the ``review_process`` codebook planted by the generator.
PROCESS_CODES: tuple[str, ...] = (
    "preparation", "on_site", "feedback_session", "action_planning", "written_feedback", "follow_up",
    "range_involved", "review_team", "method_focus", "staff_engagement", "findings_detail",
    "action_plan_monitoring", "local_context", "impact_evidence", "cost_capacity",
)
#: The code of a suggestion for the programme.
RECOMMENDATION = "recommendation"

_SAY: dict[str, dict[str, tuple[str, ...]]] = {
    "preparation": {
        "helped": ("Doing the self-assessment beforehand made us look hard at ourselves.",
                   "The lead-in gave us time to get the case files and the staff survey sorted.",
                   "Pulling the paperwork together beforehand was worth every minute."),
        "hindered": ("The lead-in was far too short and we were scrambling to get the documents together.",
                     "Getting everything ready for the peers ate up weeks of our time.",
                     "The staff survey went out late and hardly anyone filled it in."),
    },
    "on_site": {
        "helped": ("The week itself was intense but the peers got round every team.",
                   "Having them on site for the week meant they saw how we really work.",
                   "The focus groups with frontline staff were the best part of the week."),
        "hindered": ("Five days wasn't long enough for them to get under the skin of the service.",
                     "The timetable for the week was so packed that some interviews were cut short.",
                     "They spent most of the week in meetings with managers rather than with the teams."),
    },
    "feedback_session": {
        "helped": ("The feedback on the last day was blunt but it was delivered with real care.",
                   "Hearing the messages straight away at the end of the week was powerful.",
                   "The session on the Friday got everyone in the room talking about the same things."),
        "hindered": ("The feedback on the Friday felt rushed and some of it went over people's heads.",
                     "A lot of senior people couldn't make the feedback session, which was a shame.",
                     "The closing presentation was a list of bullet points with no time for questions."),
    },
    "action_planning": {
        "helped": ("The workshop afterwards turned the messages into something we could act on.",
                   "Sitting down with the peers to work out the actions was really worthwhile.",
                   "Agreeing the actions together at the workshop meant we all owned them."),
        "hindered": ("The action-planning session came weeks later and the momentum had gone.",
                     "We ended up with far too many actions to manage sensibly.",
                     "Nobody from health came to the action-planning session."),
    },
    "written_feedback": {
        "helped": ("The letter that followed set everything out clearly and we still use it.",
                   "The written report was short, sharp and easy to share with members.",
                   "Having it all in writing meant we could take it straight to scrutiny."),
        "hindered": ("The written report took nearly three months to arrive.",
                     "By the time the letter came, people had forgotten half of what was said.",
                     "The report was so carefully worded that it lost some of its bite."),
    },
    "follow_up": {
        "helped": ("They came back six months later to see how we were getting on, which kept us honest.",
                   "The follow-up call with the review manager was useful.",
                   "Knowing someone would check back on us kept the pressure on."),
        "hindered": ("Once they'd gone, that was it - we never heard from them again.",
                     "There was no follow-up to speak of after the week.",
                     "I'd have liked someone to come back and check on us, but nobody did."),
    },
    "range_involved": {
        "helped": ("They talked to everyone from the chief executive to newly qualified social workers.",
                   "Getting the police and schools in the room made a real difference to the picture they got.",
                   "They made a point of speaking to partners and not just council staff."),
        "hindered": ("Health were barely involved, so half the picture was missing.",
                     "They only really spoke to senior managers.",
                     "The frontline didn't get much of a look-in."),
    },
    "review_team": {
        "helped": ("The peers knew their stuff because they'd done these jobs themselves.",
                   "Having a serving director on the team gave it real weight with our members.",
                   "The team had credibility because they'd faced the same pressures as us."),
        "hindered": ("One or two of the peers didn't seem to understand a county like ours.",
                     "The team was a bit light on people who'd actually run a front door.",
                     "There was nobody on the team from health, and it showed."),
    },
    "method_focus": {
        "helped": ("We could shape the scope around the things that worried us most.",
                   "Going deep on a couple of areas was more use than skimming everything.",
                   "It felt like a conversation between colleagues rather than an inspection."),
        "hindered": ("They tried to cover everything and ended up skimming the surface.",
                     "The scope was too broad to say anything really useful about any one area.",
                     "It felt too much like a mock inspection."),
    },
    "staff_engagement": {
        "helped": ("Staff really got behind it and were open with the peers.",
                   "People came forward in the focus groups and said what they really thought.",
                   "The teams were keen to show the peers what they do."),
        "hindered": ("Some staff were nervous and kept their heads down.",
                     "People saw it as another inspection and were guarded.",
                     "Getting staff to turn up to the sessions was hard work."),
    },
    "findings_detail": {
        "helped": ("The recommendations were specific enough to act on straight away.",
                   "What they found rang true with what we already half knew.",
                   "The messages were clear and backed up with evidence from the case files."),
        "hindered": ("Some of the recommendations were too vague to do anything with.",
                     "A few of the findings were generic - you could have said them about any council.",
                     "The messages were softened so much they lost their edge."),
    },
    "action_plan_monitoring": {
        "helped": ("We report progress on the action plan to the improvement board every month.",
                   "Scrutiny checks the action plan every quarter, which keeps it moving.",
                   "Tracking the actions on a RAG-rated plan kept everyone honest."),
        "hindered": ("After the first few months nobody was really checking the action plan.",
                     "The action plan sat in a drawer once the initial burst was over.",
                     "We never set up a proper way of keeping track of the actions."),
    },
    "local_context": {
        "helped": ("The timing was right, as we'd just got a new director who wanted a fresh look.",
                   "Coming just after the restructure, it helped us see where we'd got to.",
                   "With the inspection looming, everyone took it seriously."),
        "hindered": ("The review landed in the middle of a restructure, so it got lost.",
                     "We had an inspection a month later, which overshadowed everything.",
                     "Budget cuts that year meant a lot of the ideas couldn't be funded."),
    },
    "impact_evidence": {
        "helped": ("We've kept a log of what's changed since, so we can show the difference.",
                   "We built the review's actions into our performance reports, so we can evidence them.",
                   "The quarterly report pulls together what's changed and why."),
        "hindered": ("To be honest we've no systematic way of showing what came from the review.",
                     "It's hard to prove what changed because of it - we never recorded it.",
                     "We didn't set up any way of measuring whether it made a difference."),
    },
    "cost_capacity": {
        "helped": ("It cost us very little compared with bringing in consultants.",
                   "For the time it took, we got a lot out of it.",
                   "The price was right for what we got."),
        "hindered": ("It took a huge amount of officer time that we could barely spare.",
                     "Finding the capacity to host the week was a real struggle.",
                     "Releasing staff for the interviews left the teams short."),
    },
}

_WISH = {  # what a participant would change, per factor (completes the frames below)
    "preparation": "councils got a longer lead-in to prepare",
    "on_site": "the peers spent more of the week with frontline teams",
    "feedback_session": "there was more time for questions at the feedback on the last day",
    "action_planning": "the action-planning workshop happened in the same week",
    "written_feedback": "the written report arrived within a few weeks",
    "follow_up": "someone came back after six months to check on progress",
    "range_involved": "health and schools were properly involved",
    "review_team": "there was a health professional on the team",
    "method_focus": "the scope was narrower so they could go deeper",
    "staff_engagement": "staff were told more about why the peers were coming",
    "findings_detail": "the recommendations were more specific",
    "action_plan_monitoring": "there was a simple way to track the actions afterwards",
    "local_context": "the review hadn't clashed with the restructure",
    "impact_evidence": "we'd agreed at the start how to show what changed",
    "cost_capacity": "it took less officer time to host",
}
_WISH_FRAMES = (
    "It would have helped if {wish}.",
    "If I could change one thing, I'd make sure {wish}.",
    "My advice to the LGA would be to make sure {wish}.",
    "Next time, I'd want to see that {wish}.",
)


def process_sentence(code: str, valence: str, dice) -> str:
    """A sentence saying factor ``code`` helped or hindered."""
    return dice.choice(_SAY[code][valence])


def recommendation_sentence(code: str, dice) -> str:
    """A suggestion for the programme about factor ``code`` (it implies the factor fell short)."""
    return dice.choice(_WISH_FRAMES).format(wish=_WISH[code])


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def process_plan(eff, wave: str, u: float, rng: np.random.Generator) -> list[tuple[str, str, bool]]:
    """The process statements of one interview: ``(code, valence, recommendation)``.

    A participant interviewed after the review comments on each factor with
    probability ``eff.process_rate[wave]``; the comment says it helped with
    probability ``expit(logit(eff.process_helped[code]) + shift)``, where the
    shift is ``eff.monitoring_effect * u`` for ``action_plan_monitoring``
    (``u`` the council and participant effect on reporting impacts: councils
    that report more impact say more often that monitoring helped) and 0
    otherwise; and with probability ``eff.recommendation_rate[wave]`` the
    interview holds one suggestion, about a factor drawn uniformly.
    """
    out: list[tuple[str, str, bool]] = []
    rate = eff.process_rate[wave]
    if rate <= 0:
        return out
    for code in PROCESS_CODES:
        if rng.random() < rate:
            p = eff.process_helped[code]
            shift = eff.monitoring_effect * u if code == "action_plan_monitoring" else 0.0
            p = _sigmoid(math.log(p / (1 - p)) + shift)
            out.append((code, "helped" if rng.random() < p else "hindered", False))
    if rng.random() < eff.recommendation_rate[wave]:
        out.append((PROCESS_CODES[int(rng.integers(0, len(PROCESS_CODES)))], "hindered", True))
    return out
