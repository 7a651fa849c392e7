"""Loaders: bytes from the user's files turned into plain values, every failure a located problem."""
