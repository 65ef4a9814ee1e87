package io.circuitos.knowledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Articles people added (support agents' answers), kept in {@code circuitos_knowledge_article} so a restart keeps them. */
public class KnowledgeArticleStore {

    private final JdbcTemplate jdbc;

    public KnowledgeArticleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Saved again with the same id: replaced (a ticket answered twice keeps its last answer). */
    public void save(KnowledgeBase.Article article, String source, Instant at) {
        jdbc.update("delete from circuitos_knowledge_article where article_id = ?", article.id());
        jdbc.update("insert into circuitos_knowledge_article (article_id, title, body, source, created_at) values (?, ?, ?, ?, ?)",
                article.id(), article.title(), article.text(), source, Timestamp.from(at));
    }

    public List<KnowledgeBase.Article> all() {
        return jdbc.query("select article_id, title, body from circuitos_knowledge_article order by created_at",
                (rs, n) -> new KnowledgeBase.Article(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
