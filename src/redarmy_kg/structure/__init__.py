"""Structure stage: the corpus text -> an offset-anchored `Document`."""
