"""callbot: grounded, cited answers about EU cluster funding calls."""

__version__ = "0.1.0"
