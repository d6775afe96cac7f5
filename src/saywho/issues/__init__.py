"""Issues, stances and speech acts of statements (see taxonomy.py, tagger.py, stance.py)."""

from __future__ import annotations

from saywho.issues.stance import assign_stances, find_conditions, speech_act
from saywho.issues.tagger import tag_issues
from saywho.issues.taxonomy import Issue, Taxonomy, TaxonomyError, load_taxonomy, packaged_taxonomies

__all__ = [
    "Issue",
    "Taxonomy",
    "TaxonomyError",
    "assign_stances",
    "find_conditions",
    "load_taxonomy",
    "packaged_taxonomies",
    "speech_act",
    "tag_issues",
]
