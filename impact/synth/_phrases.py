"""Phrase banks for synthetic interview transcripts.

A bank maps a name to a list of templates.  A template is text in which
``{slot}`` is replaced by an expansion of the bank called ``slot``; a slot
ending in ``_`` is code-specific (``{topic_}`` with code ``morale`` expands the
bank ``topic_morale``).  The wording is written for this generator from how
council officers, councillors and partner staff talk about improvement work;
it deliberately mixes registers, synonyms and sentence orders so that a coder
cannot succeed by matching a fixed list of phrases.
"""

from __future__ import annotations

__all__ = ["BANKS", "CODES", "ATTRIBUTION_FACTORS", "ROLE_TITLES"]

#: Impact codes planted in the transcripts (the six NFER impacts).
CODES: tuple[str, ...] = ("commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership")

#: Other factors a change can be attributed to.
ATTRIBUTION_FACTORS: tuple[str, ...] = ("ofsted", "leadership", "restructure", "funding", "other_programme")

BANKS: dict[str, list[str]] = {}


def _add(name: str, items: str | list[str]) -> None:
    if isinstance(items, str):
        items = [line.strip() for line in items.strip().splitlines() if line.strip()]
    BANKS[name] = [item.replace("\\s", " ") for item in items]


# --------------------------------------------------------------------- code banks
# topic_*: singular noun phrases for the thing that changed.
# insight_*: clauses for what the review showed was wrong.
# affirm_*: clauses for what the review confirmed was right.
# action_*: past-participle verb phrases for what was done ("we've ...").
# outcome_*: present-tense clauses describing a changed state.
# hedge_*: bare verb phrases for what the review might do.
_add("topic_commitment", """
the drive to improve
the appetite for change
members' interest in safeguarding
the energy around improvement
our sense of urgency
the political commitment to children's services
the focus on children's safety at the top of the organisation
the corporate grip on safeguarding
the chief executive's interest in what we do
ownership of the improvement agenda
the momentum behind the improvement plan
the priority members give to children's social care
the determination to get it right
the level of challenge from scrutiny
""")
_add("insight_commitment", """
we had got a bit comfortable
safeguarding wasn't high enough up the corporate agenda
members didn't really understand the pressures on the front line
we'd been coasting since the last inspection
the improvement plan had lost its urgency
the scrutiny committee wasn't asking the hard questions
nobody at the top really owned the performance data
we were tolerating drift in far too many cases
the chief executive wasn't close enough to children's services
we'd taken our eye off the ball on some of the basics
councillors were hearing about problems second hand
""")
_add("affirm_commitment", """
the commitment from the top is real
our members genuinely care about this
the leadership team is pulling in the right direction
we've got the will to improve
the improvement journey we're on is the right one
we had correctly identified our own priorities
the political support for children's services is solid
""")
_add("action_commitment", """
put safeguarding right at the top of the corporate plan
got the lead member round the table every month
set up a monthly improvement board chaired by the chief executive
found extra money for the front door
made children's safeguarding a standing item at cabinet
given the improvement plan a proper senior owner
taken members out to shadow social workers for a day
refreshed the scrutiny work programme around safeguarding
committed to a three-year investment in the workforce
agreed a handful of improvement priorities that everybody has signed up to
started quarterly challenge sessions between the DCS and the lead member
made the corporate parenting panel much more than a talking shop
""")
_add("outcome_commitment", """
everybody from the chief executive down is talking about safeguarding
members ask much sharper questions at scrutiny
there's a real hunger to get things right
the improvement work has a pace it never had before
people take ownership rather than waiting to be told
nobody is prepared to put up with drift any more
the senior team is far more visible on the front line
there's a feeling that we're all in this together
children's services gets listened to at the top table
the whole council sees safeguarding as its business
""")
_add("hedge_commitment", """
give us a kick to get moving
get members properly engaged
keep safeguarding high on the corporate agenda
re-energise the improvement plan
put a bit of fire in our bellies
get the chief executive more involved
sharpen our focus on the things that matter
give the improvement work some real momentum
make the case to members for investing in the service
""")

_add("topic_plans_actions", """
our action planning
the improvement plan
the way we plan
the service plan
the workforce strategy
our plan for the front door
the early help strategy
our list of priorities
our thinking about next steps
the flow of new ideas
the business plan for the service
the way we turn ideas into actions
""")
_add("insight_plans_actions", """
our plans were far too long to be any use
we had lots of activity but no clear priorities
the improvement plan had too many actions and no owners
we didn't have a proper plan for early help
our recruitment plans weren't going to touch the sides
we'd written strategies that nobody on the ground recognised
there were ideas all over the place but nothing joined up
half the actions in our plan had no deadline
we were planning around the last inspection instead of the next problem
""")
_add("affirm_plans_actions", """
our improvement plan is pointing at the right things
the priorities we'd set ourselves were the right ones
the plans we already had in train were sensible
our strategy is broadly on track
the early help offer we've designed hangs together
""")
_add("action_plans_actions", """
drawn up a proper action plan off the back of the recommendations
turned the feedback into a twelve-point plan
agreed a new early help strategy
written a workforce development plan
cut the improvement plan down to six priorities
given every action a named owner and a deadline
piloted a new duty system in two of the teams
started a pilot of single assessment
brought in a practice improvement programme
set up task-and-finish groups for each recommendation
put together a recruitment and retention plan
come up with a new model for the front door
mapped out a two-year programme for the service
""")
_add("outcome_plans_actions", """
everyone knows what the three or four priorities are
the plan is a live document that people actually use
actions get done rather than just written down
the new ideas have turned into real changes on the ground
we can show progress against every one of the recommendations
people can tell you where we are on the plan
the new duty model is up and running across the county
there's a clear line from the plan to what teams do day to day
""")
_add("hedge_plans_actions", """
give us a clearer set of priorities
help us pull together a proper improvement plan
give us some fresh ideas
help us decide what to tackle first
feed into the new service plan
tell us where to put our effort
shape the next version of the improvement plan
""")

_add("topic_learning", """
reflective practice
the learning culture
the quality of supervision
how we reflect on cases
our appetite for learning
group supervision
the way we learn from audits
the time people spend thinking about their practice
learning from serious case reviews
professional curiosity
the practice development offer
the way managers coach their teams
""")
_add("insight_learning", """
we weren't learning from our own audits
supervision had become a case-management tick box
practitioners had no space to stop and think
the learning from serious case reviews wasn't getting to the front line
we talked about reflective practice but didn't actually do it
our managers weren't really challenging practice
staff didn't see audit as a learning tool
nobody was asking why the same mistakes kept coming up
our training offer was all about procedures and nothing about judgement
""")
_add("affirm_learning", """
our practitioners are genuinely reflective
the learning culture we've been building is there
supervision is in a better place than we feared
our audit programme is doing its job
staff are open about their mistakes
""")
_add("action_learning", """
introduced group supervision in all the locality teams
set up practice learning sessions every month
started running reflective case discussions
rewritten the supervision policy around reflection
brought in multi-agency learning events after each case review
launched a practice week for managers
started a programme of peer audits
made time in the diary for reflective sessions
set up a learning and improvement framework with the board
created a practice forum for newly qualified social workers
sent all the team managers on a coaching course
""")
_add("outcome_learning", """
staff talk much more openly about what went wrong and why
managers use supervision to challenge and support, not just to check
people actually want to learn from the audits now
practitioners stop and think before they act
the lessons from case reviews turn up in day-to-day practice
there's much more curiosity in the case records
newly qualified staff get proper space to reflect
team meetings are about practice rather than just performance figures
""")
_add("hedge_learning", """
help us build a proper learning culture
get people reflecting more on their practice
show us how to learn from our own cases
make supervision more reflective
give staff a chance to step back and think
help the managers get better at challenge
open people up to learning from other authorities
""")

_add("topic_policies_systems", """
the threshold document
our referral process
the front door
the case recording system
the quality assurance framework
the assessment process
the procedures manual
the performance reporting
the escalation protocol
information sharing
the audit framework
the way contacts are screened
the electronic record
the child protection conference process
""")
_add("insight_policies_systems", """
our thresholds were being applied five different ways
the referral pathway was far too clunky
the case recording system was getting in the way of practice
our procedures were hopelessly out of date
we had no proper quality assurance
the performance data we were collecting told us very little
the front door was letting too many inappropriate contacts through
partners didn't understand our escalation process
the assessment forms were twice as long as they needed to be
nobody could find anything on the electronic record
""")
_add("affirm_policies_systems", """
our front door arrangements are fundamentally sound
the quality assurance framework is the right one
the thresholds are broadly understood
our systems are in better shape than we thought
the procedures are clear and people follow them
""")
_add("action_policies_systems", """
rewritten the threshold document with partners
redesigned the referral pathway
set up a multi-agency safeguarding hub
changed the case recording system
brought in a new quality assurance framework
streamlined the assessment forms
updated all the child protection procedures
revised the escalation policy
introduced a single point of contact for referrals
moved to a monthly performance scorecard
agreed a new information-sharing protocol
changed how contacts are screened at the front door
simplified the templates on the electronic record
""")
_add("outcome_policies_systems", """
referrals coming through the front door are far more appropriate
social workers spend less time on the computer and more with families
the thresholds mean the same thing to everybody
we get decent performance information every month
cases don't bounce around the system the way they used to
the new procedures are actually being followed
contacts get a decision within a day
managers can see at a glance where the drift is
""")
_add("hedge_policies_systems", """
tell us whether our thresholds are right
help us sort out the front door
look at our procedures with fresh eyes
point out where the systems are letting us down
help us tighten up quality assurance
give us a view on the recording system
challenge the way we screen contacts
""")

_add("topic_morale", """
staff morale
the mood in the teams
morale on the front line
the atmosphere in the office
how valued people feel
the relationship between managers and staff
team spirit
staff confidence
the feeling in the duty team
how people feel about working here
trust between the front line and senior managers
the sense of pride in the service
""")
_add("insight_morale", """
staff felt nobody senior was listening to them
morale was lower than we'd admitted to ourselves
the front line felt blamed for everything
our social workers didn't feel valued
there was a real gap between managers and practitioners
people were exhausted
the teams didn't trust what they were being told from the top
""")
_add("affirm_morale", """
our staff are a really committed bunch
the teams are in better heart than we'd feared
people are proud of the work they do here
frontline staff feel supported by their managers
the workforce is more stable than people assume
""")
_add("action_morale", """
started a staff recognition scheme
put on regular sessions for the director to meet the front line
reduced caseloads in the assessment teams
set up a staff reference group
introduced a social work health check
made sure the good practice the peers found was celebrated
started a newsletter for frontline staff
brought in protected caseloads for newly qualified workers
""")
_add("outcome_morale", """
people actually want to stay and work here
the teams feel a lot more settled
sickness absence has come down
staff feel listened to
there's a much better buzz in the office
we're keeping our good people
people walk around with their heads up
social workers feel they can raise a worry without being shot down
""")
_add("hedge_morale", """
give the staff a bit of a lift
show the front line that their work is valued
boost people's confidence
help people feel listened to
make people feel better about working here
lift the mood in the duty team
""")

_add("topic_partnership", """
partnership working
the relationship with health
our relationship with the police
joint working with schools
the LSCB
multi-agency working
trust between agencies
the way partners talk to each other
partners' engagement with the board
information sharing between agencies
the relationship with the voluntary sector
the partnership as a whole
""")
_add("insight_partnership", """
partners saw safeguarding as the council's job
the LSCB wasn't holding anyone to account
health weren't properly round the table
schools didn't know who to ring
the police and children's social care were working in silos
we didn't really understand what each other did
the board was more of a talking shop than a challenge
GPs were hardly involved at all
""")
_add("affirm_partnership", """
our relationships with partners are genuinely strong
the LSCB is doing what it should
the police see us as equal partners
the partnership is more mature than we thought
health are really committed to safeguarding
schools trust the front door
""")
_add("action_partnership", """
set up joint training with the police and health
restructured the LSCB sub-groups
brought schools into the safeguarding forum
agreed a joint protocol with the police
co-located health visitors with the social work teams
held a multi-agency away day
put a partnership improvement plan in place
given partners a stronger voice on the board
started a joint audit programme with health
appointed an independent chair for the board
""")
_add("outcome_partnership", """
partners pick up the phone to each other
health and the police come to strategy meetings as a matter of course
the board is far more challenging
there's shared ownership of safeguarding across the partnership
schools know exactly where to go with a concern
agencies trust each other more
the police and social workers sit down together on the difficult cases
the voluntary sector feels part of the partnership
""")
_add("hedge_partnership", """
bring partners round the table
help the partnership own safeguarding
get health more involved
strengthen the LSCB
show the police where they fit in
help schools understand what we do
give the board a sharper edge
""")

# --------------------------------------------------------------------- frames
_add("honest", [
    "", "", "", "", "", "", "I think ", "To be honest, ", "Honestly, ", "I mean, ", "Yeah, ", "So ", "Well, ",
    "I'd say ", "For me, ", "Look, ", "If I'm honest, ", "Genuinely, ", "Yes, ", "Erm, ", "I suppose ",
])
_add("rev_np", [
    "the review", "the peer review", "the peer challenge", "the safeguarding peer review", "the LGA review",
    "the review week", "the peers' visit", "the whole review process", "the peer review team",
])
_add("rev_subj", [
    "the review", "the peer review", "the peer team", "the feedback", "the team's feedback", "the review week",
    "what the peers fed back", "the case mapping", "the peer challenge", "the presentation on the Friday",
    "the written report", "the review team",
])
_add("showed_us", [
    "showed us", "made it very clear to us", "helped us see", "brought home to us", "pointed out", "made us realise",
    "flagged up", "got us to accept", "told us, quite bluntly,", "forced us to see", "really highlighted",
    "made us face up to the fact",
])
_add("peer_np", [
    "the peers", "people who do the job elsewhere", "a DCS from another authority", "the team",
    "colleagues from outside", "the team leader", "an outside team",
])
_add("f_insight", [
    "{honest}{rev_subj} {showed_us} that {insight_}.",
    "{honest}what the team picked up was that {insight_}.",
    "{honest}the big thing for me was realising that {insight_}.",
    "It made us face up to the fact that {insight_}.",
    "I don't think we'd fully appreciated that {insight_} until {peer_np} said it.",
    "The feedback was {frank} - {insight_} - and it landed.",
    "Coming out of {rev_np}, we understood that {insight_}.",
    "{rev_subj} held a mirror up, really, and what we saw was that {insight_}.",
    "One of the messages that stuck was that {insight_}.",
    "We knew deep down that {insight_}, but {rev_np} put it in black and white.",
    "Hearing {peer_np} say that {insight_} was a bit of a wake-up call.",
    "{honest}the light-bulb moment was seeing that {insight_}.",
])
_add("frank", ["blunt", "very frank", "hard to hear", "pretty direct", "challenging", "uncomfortable in places", "honest"])
_add("f_validation", [
    "{rev_subj} confirmed that {affirm_}.",
    "{honest}it was reassuring to hear from {peer_np} that {affirm_}.",
    "We came away feeling validated: {affirm_}.",
    "{peer_np} basically told us that {affirm_}, which was good to hear.",
    "{honest}it gave us the confidence that {affirm_}.",
    "There was a lot of reassurance in the feedback that {affirm_}.",
    "It was a real affirmation that {affirm_}.",
    "{honest}having outsiders tell us that {affirm_} meant a great deal.",
    "What came back was that {affirm_}, and that was a boost for everybody.",
])
_add("subj_have", [
    "we've", "we have", "we have now", "we've since", "the management team has", "the board has",
    "the service has", "we've actually", "my team has", "we've finally", "senior managers have",
])
_add("f_action", [
    "{lead}{subj_have} {action_}.",
    "{lead}{subj_have} {action_}, which is a big step for us.",
    "In terms of what's actually happened, {subj_have} {action_}.",
    "{lead}{subj_have} {action_} and we're keeping an eye on how it beds in.",
    "The concrete thing is that {subj_have} {action_}.",
    "{lead}{subj_have} {action_} - that's done.",
    "One of the first things was that {subj_have} {action_}.",
    "{lead}{subj_have} gone ahead and {action_}.",
])
_add("f_outcome", [
    "{lead}{outcome_}{outcome_tail}.",
    "On the ground, {outcome_}{outcome_tail}.",
    "In practice {outcome_}{outcome_tail}.",
    "What you notice now is that {outcome_}{outcome_tail}.",
    "The real difference is that {outcome_}.",
    "If you ask the teams, they'll tell you that {outcome_}.",
    "You can see it in the audits: {outcome_}.",
    "{lead}I'd say {outcome_}{outcome_tail}.",
    "The evidence we've got is that {outcome_}.",
])
_add("f_topic_up", [
    "{lead}{topic_} {improve_pred}.",
    "{lead}{topic_} {improve_pred}, no question.",
    "I'd say {topic_} {improve_pred}.",
    "{lead}{topic_} {improve_pred} over the last few months.",
])
_add("improve_pred", [
    "has improved", "is much better", "has got a lot better", "has come on leaps and bounds", "has really moved forward",
    "has definitely changed for the better", "is in a much better place", "is far stronger than it was", "has picked up",
    "has improved beyond recognition", "has shifted, noticeably", "is a lot healthier", "has gone up a gear",
])
_add("lead", ["", "", "", "", "I think ", "Yeah, ", "So ", "Honestly, ", "Well, ", "I mean, ", "And "])
_add("outcome_tail", [
    "", "", "", ", which just wasn't the case before", ", and that's a real shift", ", and you can see it in the audits",
    " - that's the biggest difference", ", which we couldn't have said a year ago", ", and families notice it",
])
_add("rev_pre", [
    "Since the review, ", "Off the back of the review, ", "As a direct result of the peer review, ",
    "Following the feedback, ", "After the peers' visit, ", "Because of what the peers said, ",
    "Coming out of the review, ", "Since the peer challenge, ", "Directly from the review, ",
    "After the review week, ",
])
_add("rev_post", [
    " - and that came straight out of the review", ", which was one of the recommendations",
    ", and I'd put that down to the review", ", and the peer review was the trigger for that",
    ", and that's directly because of the feedback we got", " - that was the review, no doubt about it",
    ", which we wouldn't have done without the peer challenge",
])
_add("credit", [
    "I'd say that's more down to", "to be fair that's mainly down to", "if I'm honest, that came from",
    "I think the real driver was", "most of the credit goes to", "in all honesty that owes more to",
    "that's largely because of", "the push for that really came from",
])
_add("more_than", ["", "", " rather than the review", " more than anything the peers said", " and not so much the review"])
_add("factor_ofsted", [
    "the Ofsted inspection", "the unannounced inspection", "what Ofsted told us", "the inspection letter",
    "the Ofsted monitoring visits", "getting ready for Ofsted", "the inspection in the spring",
])
_add("factor_leadership", [
    "the new director", "having a new DCS", "the change of lead member", "our new assistant director",
    "the new chief executive", "the change in leadership", "the interim director we had in",
])
_add("factor_restructure", [
    "the restructure", "the reorganisation of the teams", "the move to locality working",
    "the restructure of the front door", "bringing the teams under one head of service", "the service redesign",
])
_add("factor_funding", [
    "the extra money members found", "the additional investment", "the funding we got from the Department",
    "the budget growth for children's services", "the grant funding", "the invest-to-save money",
])
_add("factor_other_programme", [
    "the Signs of Safety rollout", "the Munro work", "the Troubled Families programme",
    "the systemic practice programme", "the improvement partner we had in", "the regional improvement work",
    "the restorative practice training",
])
_add("factor_any", ["{factor_ofsted}", "{factor_leadership}", "{factor_restructure}", "{factor_funding}",
                    "{factor_other_programme}", "everything else that was going on"])
_add("tail_unclear", [
    " - although whether that's the review or {factor_any}, I couldn't honestly tell you",
    ", but it's hard to separate the review from {factor_any}",
    ", though with {factor_any} happening at the same time I wouldn't pin it on any one thing",
    ", but you can't really untangle the review from {factor_any}",
    " - mind you, {factor_any} was going on too, so who knows",
])
_add("f_hedge", [
    "{honest}{hope_will} {hedge_}.",
    "{honest}{hope_will} {hedge_}, but we'll see.",
    "{hope_will} {hedge_}, that's the idea anyway.",
    "What I want is for {rev_np} to {hedge_}.",
    "If it goes well, it should {hedge_}.",
    "Ideally {rev_np} would {hedge_}.",
    "My expectation is that it'll {hedge_}, though it's hard to know.",
])
_add("hope_will", [
    "we're hoping the review will", "the hope is that it'll", "I'd like to think it would", "fingers crossed, it will",
    "potentially it could", "I suspect it may", "what we'd like is for it to", "hopefully the peers will",
    "it might", "I'm hoping it can", "with a bit of luck it'll",
])
_add("f_hedge_late", [
    "It may be starting to {hedge_}, but it's early days.",
    "Give it another six months and it should {hedge_}.",
    "{honest}I think it could still {hedge_}, but I wouldn't claim it has yet.",
    "We're hoping it'll {hedge_} in the longer run.",
    "It might {hedge_} eventually - we're not there yet.",
])
_add("f_negated", [
    "{honest}{topic_} {neg_pred}.",
    "I wouldn't say {topic_} has improved{tbh}.",
    "I can't honestly say {rev_np} made any difference to {topic_}.",
    "There's been no real change in {topic_}{tbh}.",
    "{honest}we haven't {action_} yet{excuse}.",
    "I couldn't tell you that {outcome_}; we're not there.",
    "Nobody here would claim that {outcome_}, not yet.",
    "{honest}{rev_np} didn't do much for {topic_}, in my view.",
    "If you're asking whether {topic_} is any different, the answer is no{tbh}.",
])
_add("neg_pred", [
    "hasn't really shifted", "hasn't changed much", "is no better than it was", "hasn't moved on at all",
    "is pretty much where it was", "hasn't improved, if I'm honest", "is still a problem", "hasn't really been touched",
    "is about the same", "hasn't budged",
])
_add("tbh", ["", "", ", to be honest", ", if I'm being straight with you", ", sadly", ", not really"])
_add("excuse", [
    "", "", " - there just hasn't been the capacity", " because of everything else going on",
    ", it keeps slipping", " - it's on the list", ", which is frustrating",
])

# --------------------------------------------------------------------- other talk
_add("process", [
    "The week itself was {intense}; they saw {n_people} people in five days.",
    "The case mapping took a lot of work beforehand, pulling the files together.",
    "We did the self-assessment and the staff survey before they arrived.",
    "The team leader was a director from {elsewhere}, so knew exactly what to look for.",
    "The health peer got on really well with our health colleagues.",
    "The feedback on the Friday was {frank} but fair.",
    "We had the action-planning workshop about a fortnight later.",
    "The written report came through about {n_weeks} weeks after they left.",
    "The review manager from the LGA kept everything on track.",
    "There were focus groups with frontline staff, with partners and with young people.",
    "Some of the team went out on visits to the children's centres.",
    "The timetable was packed from half eight in the morning until gone six.",
    "We added {opt_theme} as an extra theme because we knew it was a weak spot.",
    "The lead-in was about twelve weeks, which felt tight.",
    "They looked at around {n_cases} case files as part of the case mapping.",
    "I was interviewed twice, once on my own and once in a group.",
    "The member peer spent a lot of time with our lead member.",
    "It felt like a very different animal from an inspection.",
    "They were very clear it wasn't an inspection, but people still treated it a bit like one.",
    "There was a fair bit of anxiety in the run-up.",
    "The base room was our old training suite, which was a bit cramped.",
    "We had to find a lot of documents for the evidence pack.",
    "The team were very professional and very approachable.",
    "The off-site peer did a lot of work on the data before the week.",
    "Our business support team did an amazing job with the logistics.",
    "The presentation at the end was to the chief executive, members and partners.",
    "I sat in on the feedback with the rest of the senior team.",
    "They'd clearly done their homework before they arrived.",
    "Staff were a bit nervous about the focus groups, but most of them enjoyed it in the end.",
    "The peers were people who'd done the job, which made a difference.",
    "Getting the right people into the diary was a nightmare.",
    "The survey had a decent response rate from staff, less so from partners.",
    "The team had a third sector colleague on it, which was useful.",
    "We picked the dates to avoid the school holidays.",
])
_add("intense", ["intense", "exhausting", "full on", "a whirlwind", "very busy", "pretty relentless"])
_add("n_people", ["about a hundred", "over eighty", "something like ninety", "dozens of", "well over a hundred"])
_add("n_weeks", ["three", "four", "five", "six", "two or three"])
_add("n_cases", ["twenty", "thirty", "a dozen", "fifteen", "forty"])
_add("elsewhere", ["a neighbouring county", "up north", "a London borough", "a similar authority", "the Midlands",
                   "another region", "a unitary down south"])
_add("opt_theme", ["participation", "commissioning", "managing performance", "productivity and innovation"])
_add("context", [
    "We had Ofsted in the year before, so people were a bit bruised.",
    "The new director started in the September.",
    "There's a restructure going on across the whole council at the moment.",
    "Budgets are really tight; we're having to find savings like everyone else.",
    "Caseloads in the assessment teams are still high.",
    "We rely quite heavily on agency social workers.",
    "We're a big county, so the north and the south are quite different.",
    "Demand has gone up since the Baby Peter case, like everywhere.",
    "We've got a new lead member after the elections.",
    "The LSCB has an independent chair now.",
    "We're in the middle of moving offices.",
    "Recruitment is a constant struggle for us.",
    "We've been doing a lot around Signs of Safety.",
    "The health trust has been through its own reorganisation.",
    "The police have restructured their public protection unit too.",
    "There's an inspection due any time, so that's on everyone's mind.",
    "Our numbers of children in care have been creeping up.",
    "We've had a couple of serious case reviews in the last few years.",
    "The Troubled Families work is running alongside all this.",
    "The academies programme has changed the relationship with schools.",
    "We brought in an interim head of service for a while.",
    "Members have protected children's services from the worst of the cuts.",
])
_add("smalltalk", [
    "Sorry, just let me close the door.",
    "Can you hear me okay? The line's a bit crackly.",
    "It's been one of those weeks.",
    "I've just come out of a strategy meeting, so bear with me.",
    "Sorry, one second.",
    "The car park was a nightmare this morning.",
    "Lovely weather again, isn't it? [laughs]",
    "I've got about forty minutes, is that okay?",
    "Sorry, I'm just getting my notes up.",
    "I'm off on leave next week, so good timing.",
    "No problem at all.",
    "Yes, fine, go ahead.",
    "Sorry, someone just knocked.",
    "It's fine, honestly, I'm happy to help.",
    "That's fine, I'm used to being recorded. [laughs]",
    "Bear with me, my phone's going.",
    "Busy as ever, you know how it is.",
])
_add("filler", [
    "That's a good question.",
    "It's difficult to put into words really.",
    "There's a lot going on at the moment.",
    "Let me think about that.",
    "I'm trying to remember exactly when that was.",
    "It's a mixed picture.",
    "You'd probably get a different answer from the teams.",
    "I don't want to overclaim.",
    "That's probably the honest answer.",
    "We talk about this a lot, actually.",
    "It depends who you ask.",
    "It's not straightforward.",
    "Yeah.",
    "Mm.",
    "Sorry, I've lost my train of thought. [pause]",
    "Where was I?",
    "I hope that makes sense.",
    "Things move so fast here.",
    "It's swings and roundabouts, really.",
    "It was, er, it was a lot.",
    "[inaudible] ... sorry, the line went.",
])
_add("ack", ["", "", "Okay. ", "Thanks, that's really helpful. ", "Right. ", "Great. ", "Lovely. ", "Mm. ", "Sure. ",
             "That's interesting. ", "Yes. "])
_add("q_open", [
    "Thanks so much for making the time to talk to me.",
    "Thanks for agreeing to do this, I know how busy you are.",
    "Hello, is now still a good time?",
    "Hi there, thanks for fitting me in.",
])
_add("q_consent", [
    "Just to check, are you happy for me to record this so it can be transcribed?",
    "As I said in the email, everything is confidential and we won't name you. Is it okay to record?",
    "Before we start, can I confirm you're happy to go ahead and that I can record?",
])
_add("r_consent", ["Yes, that's fine.", "Yes, absolutely.", "Yeah, no problem.", "Of course, go ahead.", "That's fine."])
_add("q_role", [
    "Could you start by telling me a bit about your role?",
    "Can you just say briefly what your role is?",
    "First of all, what's your role and how long have you been in post?",
    "Tell me a little about what you do.",
])
_add("q_expectations", [
    "Why did the council decide to have a peer review?",
    "What are you hoping to get out of it?",
    "What do you expect the review to focus on?",
    "How have you been preparing for the review?",
    "How involved have you been in the preparations so far?",
    "Are there any particular areas you'd like the team to look at?",
    "How do you think staff are feeling about it?",
    "What would success look like for you?",
    "How does the review fit with everything else going on?",
    "What do partners think about it?",
])
_add("q_early", [
    "How did you find the week on site?",
    "What did you make of the feedback?",
    "Has anything changed since the review?",
    "What's happened since the team left?",
    "Were there any surprises in the findings?",
    "How have partners responded?",
    "How has the action plan come together?",
    "How did staff experience the review?",
    "Is there anything you would do differently?",
    "What has the review meant for you personally?",
])
_add("q_longer_term", [
    "Looking back over the last year, what has changed?",
    "What difference has the review made, if any?",
    "How much of that would you put down to the review?",
    "Where are you with the action plan now?",
    "Has the review had a lasting legacy?",
    "What else has been going on that might explain the changes?",
    "How do you know whether things have improved?",
    "Would you recommend a peer review to another council?",
    "Has the momentum been kept up?",
])
_add("q_probe", [
    "Can you give me an example of that?",
    "Why do you think that is?",
    "Mm-hm. Go on.",
    "Could you say a bit more about that?",
    "And how did people react to that?",
    "And is that still the case?",
    "What about partners?",
    "How would you know?",
    "And what about the front line?",
    "What did that look like in practice?",
])
_add("q_close", [
    "That's everything I wanted to ask. Is there anything else you'd like to add?",
    "We're nearly out of time. Anything we haven't covered?",
    "Is there anything I should have asked and didn't?",
])
_add("r_close", [
    "No, I think we've covered it.",
    "Only that it was a really worthwhile exercise.",
    "No, that's everything, thanks.",
    "Just that I'd be interested to see the report.",
    "Not really, I think that's it.",
])
_add("q_thanks", ["Thank you very much, that's been really helpful.", "Brilliant, thank you for your time.",
                  "Thanks again, I'll send the transcript over.", "Thank you, that's great."])
_add("r_bye", ["Thank you. Bye.", "No problem, take care.", "Thanks, bye bye.", "Cheers, speak soon."])
_add("role_years", ["I've been in post {n_years}.", "I've been here {n_years} now.",
                    "I came into the role {n_years} ago.", "I've worked here on and off for {n_years}."])
_add("n_years", ["eighteen months", "about two years", "three years", "five years", "six months", "ten years",
                 "nearly four years", "a year or so", "just over two years", "about seven years"])

#: Ways a respondent names their own role (first element of each answer).
ROLE_TITLES: dict[str, list[str]] = {
    "dcs": ["the director of children's services", "the DCS", "the strategic director for children and families"],
    "assistant_director": ["assistant director for safeguarding", "the AD for children's social care",
                           "assistant director, specialist services"],
    "lead_member": ["the lead member for children's services", "the cabinet member for children and families",
                    "portfolio holder for children"],
    "chief_executive": ["the chief executive", "chief exec of the council"],
    "senior_manager": ["head of service for safeguarding", "the head of children's social care",
                       "head of quality assurance"],
    "middle_manager": ["a team manager in the assessment service", "service manager for the front door",
                       "the team manager for one of the locality teams", "a practice manager"],
    "frontline_practitioner": ["a social worker in the child protection team", "a senior practitioner",
                               "a social worker in the duty and assessment team", "an advanced practitioner"],
    "lscb_chair": ["the independent chair of the LSCB", "chair of the safeguarding children board"],
    "lscb_manager": ["the LSCB business manager", "business manager for the safeguarding board"],
    "health_partner": ["the designated nurse for safeguarding", "named doctor for the trust",
                       "head of safeguarding at the clinical commissioning group"],
    "police_partner": ["detective inspector in the public protection unit", "the police lead for child abuse investigation"],
    "education_partner": ["a primary head teacher", "the designated safeguarding lead at a secondary school",
                          "head of the education safeguarding team"],
    "voluntary_sector_partner": ["the manager of a local children's charity",
                                 "a project manager in the voluntary sector"],
    "other": ["a commissioning manager", "the principal social worker"],
}

_add("f_insight_plain", [
    "{lead}we realised that {insight_}.",
    "It became obvious that {insight_}.",
    "{honest}we've come to see that {insight_}.",
    "We've had to accept that {insight_}.",
    "{honest}it's clear now that {insight_}.",
    "{lead}we worked out that {insight_}.",
])
_add("prep_pre", [
    "Just in preparing for the review, ", "Even before the peers arrive, ",
    "Through the self-assessment we did for the review, ", "Already, with the preparation for the review, ",
    "Doing the case mapping for the review, ", "Getting ready for the peer review, ",
])

_add("process_pre", [
    "We've been pulling together the case files for the case mapping.",
    "The self-assessment is nearly done; it's been a lot of work.",
    "The staff survey went out last week.",
    "We've had a planning meeting with the LGA review manager.",
    "We know who the team leader is going to be, which helps.",
    "We've booked rooms for the week and sorted out the timetable.",
    "Staff are a bit nervous about the focus groups.",
    "We've asked partners to nominate people for the interviews.",
    "The lead-in is about twelve weeks, which feels tight.",
    "There's a lot of anxiety around it, even though we keep saying it isn't an inspection.",
    "We're still deciding whether to add {opt_theme} as an extra theme.",
    "I've been asked to pull together some of the data for the off-site peer.",
    "Our business support team have been brilliant with the logistics.",
    "We've told the teams what to expect during the week.",
    "We chose the dates to avoid the school holidays.",
    "The evidence pack is already about three lever-arch files.",
    "I've done one of these in another authority, so I know roughly what's coming.",
    "We've been asked to provide a list of cases for the team to look at.",
])
_add("routine", ["{time_ref} {routine_event}{routine_tail}."])
_add("time_ref", [
    "Last week", "In the spring", "Back in January", "Over the summer", "A couple of months ago", "Yesterday",
    "This morning", "Earlier this year", "Just before Christmas", "On Monday", "At the end of last year",
    "Only the other day",
])
_add("routine_event", [
    "we had the usual monthly performance meeting", "I was at the regional directors' network",
    "we had a strategy meeting that went on for hours", "the board met as normal",
    "I was covering for a colleague on leave", "we had a complaint from a family that took up a lot of time",
    "half the team were out on a training day", "there was a big care proceedings hearing",
    "we had the budget round", "the lead member came to a team meeting",
    "we had the annual conversation with the Department", "the IT system was down for a whole day",
    "there was an away day for the corporate management team", "the fostering panel met",
    "I had my own appraisal", "we had a visit from the regional adviser", "there was a serious incident review",
    "we had a scrutiny committee", "I spent most of the day on a complaint", "the heads' forum met",
])
_add("routine_tail", [
    "", "", "", ", as it happens", ", which is pretty normal for us", ", so it's been busy",
    ", nothing out of the ordinary", ", but that's the job", " - you know what it's like",
])
_add("general", ["{i_think}{general_claim}."])
_add("i_think", ["", "I think ", "I'd say ", "Honestly, ", "In my view ", "I suppose ", "Let's be honest, "])
_add("general_claim", [
    "children's social care is a hard place to work at the moment",
    "the national picture doesn't help",
    "the media coverage makes everybody nervous",
    "every authority has the same problems with recruitment",
    "the paperwork never gets any lighter",
    "families' lives are more complicated than they used to be",
    "the economy is hitting the families we work with",
    "there's always another initiative coming down from government",
    "social work is a job you do because you care",
    "nobody comes into this for an easy life",
    "the cuts are going to bite harder next year",
    "it's a small world, everyone knows everyone",
    "the courts are taking longer and longer",
    "schools are under pressure too",
    "you never really switch off in this job",
])
_add("people", ["Our {post} {is_desc}."])
_add("post", [
    "head of service", "lead member", "board chair", "principal social worker", "chief executive",
    "head of early help", "workforce lead", "performance manager", "designated doctor", "head of legal",
])
_add("is_desc", [
    "has been here for years", "is very hands-on", "came from another authority", "is fairly new in post",
    "knows the patch inside out", "is retiring next year", "used to be a social worker here", "is very data-driven",
    "is part-time, which makes things tricky", "is well respected by the teams",
])
