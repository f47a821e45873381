"""Deterministic calculators over the call rules, and the router that picks one."""
