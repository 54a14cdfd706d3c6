"""Directives: the generic entry directive, milestone tables and collections."""
