"""Developer tools that are not part of the planning core: the synthetic plan generator."""
