"""Unit tests of the rule families, one module per family (a package, so that module names
such as test_byline never clash with tests elsewhere)."""
