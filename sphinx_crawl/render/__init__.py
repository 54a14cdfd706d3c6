"""Rendering: HTML visitors, collection filling, and fallbacks for other builders."""
