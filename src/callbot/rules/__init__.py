"""Call rules kept as data: schema, loader and quote verification."""

from callbot.rules.loader import (
    RuleSet,
    corpus_doc_text,
    default_ruleset,
    load_ruleset,
    verify_quotes,
)
from callbot.rules.schema import RuleRef

__all__ = [
    "RuleRef",
    "RuleSet",
    "corpus_doc_text",
    "default_ruleset",
    "load_ruleset",
    "verify_quotes",
]
