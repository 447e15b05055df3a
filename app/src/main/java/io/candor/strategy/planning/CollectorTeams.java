package io.candor.strategy.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.Codes;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collector teams: each with its skills — languages, buckets, products; an empty list takes any — a rank (the
 * queue fill tries teams in rank order), and its members, who are the tenant's users.
 */
@Service
class CollectorTeams {

    /** A team and who is in it (by username). */
    public record Team(String code, String name, List<String> languages, List<String> buckets, List<String> products,
                       int rank, List<String> members) {
    }

    /** A member of a team, by user id. */
    record Member(UUID id, String team) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final AuditTrail audit;

    CollectorTeams(JdbcClient jdbc, Users users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    public List<Team> teams() {
        Map<String, List<UUID>> ids = memberIds();
        Map<UUID, UserView> people = users.of(ids.values().stream().flatMap(List::stream).toList());
        return jdbc.sql("SELECT code, name, languages, buckets, products, rank FROM collector_team ORDER BY rank, code")
                .query((rs, n) -> new Team(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray()),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getInt(6),
                        ids.getOrDefault(rs.getString(1), List.of()).stream().map(people::get)
                                .filter(Objects::nonNull).map(UserView::username).sorted().toList()))
                .list();
    }

    /** The enabled members of each team, by team code, in a stable order. */
    Map<String, List<UUID>> activeMembers() {
        Map<String, List<UUID>> ids = memberIds();
        Map<UUID, UserView> people = users.of(ids.values().stream().flatMap(List::stream).toList());
        Map<String, List<UUID>> active = new LinkedHashMap<>();
        ids.forEach((team, members) -> active.put(team, members.stream()
                .filter(id -> people.containsKey(id) && people.get(id).enabled()).toList()));
        return active;
    }

    /** The first team (by code) the enabled user with this username is in. */
    Optional<Member> membership(String username) {
        Optional<UserView> user = users.findByUsername(username).filter(UserView::enabled);
        return user.flatMap(u -> jdbc.sql("SELECT team FROM collector_team_member WHERE user_id = :u ORDER BY team LIMIT 1")
                .param("u", u.id()).query(String.class).optional().map(team -> new Member(u.id(), team)));
    }

    private Map<String, List<UUID>> memberIds() {
        Map<String, List<UUID>> members = new LinkedHashMap<>();
        jdbc.sql("SELECT team, user_id FROM collector_team_member ORDER BY team, user_id")
                .query((rs, n) -> members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return members;
    }

    /** Creates or replaces a team and its members. */
    @Transactional
    public Team putTeam(String code, Team t, String by) {
        if (!Codes.valid(code)) {
            throw new BadRequestException("A team code is " + Codes.RULE + ", e.g. m2-mandarin.");
        }
        UUID tenant = TenantContext.require();
        Set<UUID> ids = new HashSet<>();
        for (String username : t.members()) {
            ids.add(users.findByUsername(username).map(UserView::id).orElseThrow(() -> new BadRequestException(
                    "There is no user '" + username + "' in this tenant.")));
        }
        jdbc.sql("""
                        INSERT INTO collector_team (tenant_id, code, name, languages, buckets, products, rank)
                        VALUES (:tenant, :code, :name, :languages, :buckets, :products, :rank)
                        ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name, languages = excluded.languages,
                            buckets = excluded.buckets, products = excluded.products, rank = excluded.rank""")
                .param("tenant", tenant).param("code", code).param("name", t.name())
                .param("languages", t.languages().toArray(String[]::new)).param("buckets", t.buckets().toArray(String[]::new))
                .param("products", t.products().toArray(String[]::new)).param("rank", t.rank()).update();
        jdbc.sql("DELETE FROM collector_team_member WHERE team = :code").param("code", code).update();
        for (UUID id : ids) {
            jdbc.sql("INSERT INTO collector_team_member (tenant_id, team, user_id) VALUES (:tenant, :team, :user)")
                    .param("tenant", tenant).param("team", code).param("user", id).update();
        }
        audit.record(AuditEntry.of(AuditAction.TEAM_CHANGED, "collector_team", code).withDetail(Map.of("members", t.members().size())));
        return teams().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }
}
