"""Seventy-eighth red-team round: a post one person holds, said with that person's private matter (every sentence
written new for this round; posts, councils and people invented).

* A post one person holds in a council (``impact/_data/privacy/single_posts.txt``, with its statutory and published
  sources: the chief executive, the DCS, the lead member, the principal social worker, the LADO, the virtual school
  head, a head of service, the performance manager ...) said with "the", "our" or the council's, in the sentence that
  tells that person's past, health, leaving, hours or family: anyone in the council knows who holds the post, and the
  quote is attributed to a council or a status group.  The quote is withheld (``post_holder_private``), as round 64
  withholds the speaker's own such post; main published each.
* Kept: the post doing its work, a post many hold, a post "a" or "every" holder of elsewhere, the post reporting
  words that tell a past of something else.
* A speaker's self-introduction ("I'm a social worker in the child protection team.") is no statement of impact:
  :func:`impact.coding.modality_cues` marks it ``introduction`` and not ``clear``, so no report chooses it as a
  clearest statement.
"""

from __future__ import annotations

from impact.coding import modality_cues

from . import _rounds
from .test_pii_round64 import _published  # the report's gate: redact_series, then assess_quotes

_PAST = [
    "Our director of children's services started out as a youth worker in this town.",
    "The council's lead member used to work for the police.",
    "Our principal social worker was once a foster carer herself.",
    "Before she became our LADO she trained as a nurse.",
]
_HEALTH = [
    "Our virtual school head has been signed off since Easter.",
    "The head of safeguarding was in hospital for most of the spring.",
    "Our interim DCS is pregnant, so the board met without her.",
    "The chief exec had a breakdown during the inspection.",
]
_LEAVING = [
    "Our head of early help is stepping down in the summer.",
    "The monitoring officer was suspended after the audit.",
    "Everyone cried on the last day of our deputy leader.",
    "We hear the portfolio holder handed in his notice.",
]
_HOURS = [
    "Our head of performance only works three days a week.",
    "The designated nurse is job-share with another trust.",
    "Our assistant director of education is part time now.",
]
_FAMILY = [
    "Our head of service for children in care is going through a divorce.",
    "The council leader brought his kids to the fun day.",
    "The director of public health turned sixty at the conference.",
]
# Kept: no private matter of the post's holder.
_KEPT = [
    "The DCS came to every review meeting.",
    "Our lead member asked for the figures each month.",
    "A social worker was off sick, so visits slipped.",
    "A lead member from another authority retired and praised the scheme.",
    "Every chief executive I know says the same.",
    "The chief executive said the old system used to be a mess.",
    "Our performance manager built the new dashboard.",
    "Team managers who retired were replaced quickly.",
]


test_a_post_holders_private_matter_is_withheld = _rounds.withheld(_PAST + _HEALTH + _LEAVING + _HOURS + _FAMILY,
                                                                  _published)
test_a_post_at_its_work_is_published = _rounds.published(_KEPT, _published)


_INTRODUCTIONS = [
    "I'm a social worker in the child protection team.",
    "I am a team manager in the MASH.",
    "So I'm one of the senior practitioners in the assessment service, for about six years now.",
    "I work in the fostering team.",
    "I've been a family support worker at the council since 2015.",
    "My role is practice lead for the west locality.",
]
_STATEMENTS = [
    "I'm a social worker and the review changed how I plan visits.",
    "I'm far more confident in supervision since the review.",
    "I am much clearer about thresholds now.",
    "I work with families far sooner than before.",
]


def test_a_self_introduction_is_no_clear_statement():
    cues = modality_cues(_INTRODUCTIONS + _STATEMENTS)
    assert cues["introduction"].tolist() == [True] * len(_INTRODUCTIONS) + [False] * len(_STATEMENTS)
    assert cues["clear"].tolist() == [False] * len(_INTRODUCTIONS) + [True] * len(_STATEMENTS)
