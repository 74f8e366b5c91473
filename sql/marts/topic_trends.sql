-- depends on: int_statements
-- Per day and topic: how many stories, statements and speakers touched it. A story (all the
-- copies of one article) counts on the day it first appeared and a statement on the day it
-- was first reported, so syndicated copies published later add nothing.
with statements as (
    select
        statement_key,
        group_id,
        speaker,
        topic,
        cast(min(said_at) over (partition by statement_key, topic) as date) as statement_day,
        cast(min(said_at) over (partition by group_id) as date) as story_day
    from int_statements
),

stories as (
    select story_day as day, topic, count(distinct group_id) as articles
    from statements
    group by story_day, topic
),

first_reports as (
    select
        statement_day as day,
        topic,
        count(distinct statement_key) as quotes,
        count(distinct speaker) as speakers
    from statements
    group by statement_day, topic
)

select
    day,
    topic,
    coalesce(stories.articles, 0) as articles,
    coalesce(first_reports.quotes, 0) as quotes,
    coalesce(first_reports.speakers, 0) as speakers
from stories
full outer join first_reports using (day, topic)
