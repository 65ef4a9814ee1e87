-- Answers written by support agents, added to the knowledge base; loaded into the retrieval index at start-up.
create table circuitos_knowledge_article (
    article_id  varchar(128)  not null,
    title       varchar(500)  not null,
    body        varchar(20000) not null,
    source      varchar(64)   not null,
    created_at  timestamp     not null,
    constraint pk_circuitos_knowledge_article primary key (article_id)
);
