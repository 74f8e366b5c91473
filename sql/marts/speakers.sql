-- depends on: int_speakers
-- One row per canonical speaker: the role and affiliation most articles give, every alias used.
select * from int_speakers
