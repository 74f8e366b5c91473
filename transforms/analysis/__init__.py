"""Statements in, what they say about topics and each other out: topics (keyword taxonomy),
stance, stated relations between parties (relations, relation_parties) and agreements."""
