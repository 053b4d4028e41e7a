"""Benchmarks: run from the checkout with `python -m benchmarks.startup`."""
