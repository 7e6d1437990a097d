"""Hostile inputs and conditions: each attack of issues 17 and 18 as a test."""
