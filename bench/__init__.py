"""Benchmarks of ``impact`` at national scale (``make bench``; see docs/performance.md)."""
