package io.herald.segments.internal;

import io.herald.segments.api.MembershipGrowth;
import io.herald.segments.api.MembershipHistory;
import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts enters and exits per segment with one grouped query per 500 segments over {@code
 * segments_membership_change}, reading only the index {@code (segment_id, changed_at, entered)}, so
 * the cost follows the changes in the period, not the whole log.
 */
@ApplicationScoped
public class DefaultMembershipHistory implements MembershipHistory {

  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  @Inject SegmentRepository segments;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, MembershipGrowth> growthSince(WorkspaceId workspace, Instant since) {
    Map<Long, MembershipGrowth> growth = new LinkedHashMap<>();
    List<Long> ids = segments.list(workspace.value()).stream().map(s -> s.view().id()).toList();
    ids.forEach(id -> growth.put(id, MembershipGrowth.NONE));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      for (Object row : query(chunk, since).getResultList()) {
        Object[] r = (Object[]) row;
        long entered = ((Number) r[1]).longValue();
        long all = ((Number) r[2]).longValue();
        growth.put(((Number) r[0]).longValue(), new MembershipGrowth(entered, all - entered));
      }
    }
    return growth;
  }

  private Query query(List<Long> segmentIds, Instant since) {
    String marks = String.join(",", segmentIds.stream().map(id -> "?").toList());
    Query query =
        em.createNativeQuery(
            "SELECT segment_id, SUM(CASE WHEN entered THEN 1 ELSE 0 END), COUNT(*)"
                + " FROM segments_membership_change"
                + " WHERE segment_id IN ("
                + marks
                + ") AND changed_at >= ? GROUP BY segment_id");
    int position = 1;
    for (Long id : segmentIds) {
      query.setParameter(position++, id);
    }
    query.setParameter(position, DateTimes.text(since));
    return query;
  }
}
