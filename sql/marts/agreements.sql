-- depends on: stg_agreements
-- Agreement or disagreement an article states between two parties, on a topic: one row per
-- statement of it, with the sentence (`evidence`, at start_char..end_char of articles.text)
-- and the words that state it (`cue`). `kind` says how (agree, endorse, disagree, reject,
-- criticize); when `directed`, party_a is the one who acts ("A criticized B").
select
    agreement_id,
    article_id,
    topic,
    party_a,
    party_b,
    relation,
    level,
    evidence,
    published_date,
    kind,
    directed,
    cue,
    start_char,
    end_char,
    cue_start,
    cue_end
from stg_agreements
