package org.picbed.image;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.picbed.error.PicbedException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stored images as a library: newest first, in pages that follow a cursor (the last row's creation time and
 * id, so a page is an index range, never an offset scan, and images stored meanwhile never shift a page), searched
 * by an id prefix or a part of a file name.
 */
@Stateless
public class ImageLibrary {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    /** One listed image and the file name it was first uploaded under. */
    public record Entry(Image image, String firstName) {
    }

    /** A page, and the cursor of the next one (empty on the last page). */
    public record Page(List<Entry> images, Optional<String> nextCursor) {
    }

    @PersistenceContext(unitName = "picbed")
    EntityManager em;

    /**
     * @param limit  1 to {@link #MAX_LIMIT}
     * @param cursor a previous page's {@code nextCursor}, or null for the first page
     * @param query  null, or an id prefix (lower-case hex) or a part of a file name
     * @throws PicbedException 400 {@code invalid_limit} or {@code invalid_cursor}
     */
    public Page page(int limit, String cursor, String query) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new PicbedException(400, "invalid_limit", "limit is 1 to " + MAX_LIMIT);
        }
        Position after = cursor == null || cursor.isEmpty() ? null : Position.decode(cursor);
        String q = query == null || query.isBlank() ? null : query.strip();
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, (SELECT u.display_name FROM image_upload u WHERE u.image_id = i.id ORDER BY u.id LIMIT 1)
                FROM image i WHERE 1 = 1""");
        if (after != null) {
            sql.append(" AND (i.created_at < :at OR (i.created_at = :at AND i.id < :id))");
        }
        if (q != null) {
            sql.append(" AND (").append(HEX.matcher(q).matches() ? "i.id LIKE :prefix OR " : "")
                    .append("EXISTS (SELECT 1 FROM image_upload n WHERE n.image_id = i.id AND n.display_name LIKE :name))");
        }
        sql.append(" ORDER BY i.created_at DESC, i.id DESC LIMIT ").append(limit + 1);
        var select = em.createNativeQuery(sql.toString());
        if (after != null) {
            select.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        if (q != null) {
            if (HEX.matcher(q).matches()) {
                select.setParameter("prefix", q + "%");
            }
            select.setParameter("name", "%" + like(q) + "%");
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : select.getResultList()) {
            rows.add((Object[]) row);
        }
        Map<String, Image> images = new HashMap<>();
        if (!rows.isEmpty()) {
            em.createQuery("select i from Image i where i.id in :ids", Image.class)
                    .setParameter("ids", rows.stream().map(r -> (String) r[0]).toList())
                    .getResultList().forEach(i -> images.put(i.id(), i));
        }
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            Image image = images.get((String) row[0]);
            if (image != null) {
                entries.add(new Entry(image, (String) row[1]));
            }
        }
        if (entries.size() <= limit) {
            return new Page(entries, Optional.empty());
        }
        List<Entry> shown = entries.subList(0, limit);
        Image last = shown.get(limit - 1).image();
        return new Page(List.copyOf(shown), Optional.of(new Position(last.createdAt(), last.id()).encode()));
    }

    /** LIKE's own characters taken literally (MariaDB's default escape is the backslash). */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Where a page ended: the creation time and id of its last image. */
    record Position(Instant createdAt, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                ImageId id = ImageId.parse(bar < 0 ? "" : text.substring(bar + 1)).orElseThrow(IllegalArgumentException::new);
                return new Position(Instant.parse(text.substring(0, bar)), id.hex());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new PicbedException(400, "invalid_cursor", "the cursor is not one this API gave out");
            }
        }
    }
}
