-- The media library lists images newest first and pages by (created_at, id) keyset: no offset scans.
CREATE INDEX ix_image_created ON image (created_at, id);
