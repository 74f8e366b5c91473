-- depends on: int_article_groups, stg_articles
-- Every article with its near-duplicate group: copies of one story (wire copies, updated
-- versions, several URLs) share a group_id, the article_id of the group's representative.
-- Analysts count stories with count(distinct group_id); every copy stays in `articles`.
select
    int_article_groups.article_id,
    int_article_groups.group_id,
    int_article_groups.is_representative,
    int_article_groups.copies,
    articles.url,
    articles.source,
    articles.title,
    articles.published_at
from int_article_groups
inner join stg_articles as articles using (article_id)
