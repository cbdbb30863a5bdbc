-- Training courses of the Cooperative Alliance and the partners it names (support module): the law for
-- would-be founders, management and accounting, digital transformation, VietGAP/OCOP preparation.

-- Organizations the Alliance has named course partners: their members may publish courses they organize.
CREATE TABLE course_organizer (
  organization_id     BIGINT         NOT NULL PRIMARY KEY,
  granted_by_user_id  BIGINT         NULL,
  granted_at          DATETIME(6)    NOT NULL,
  CONSTRAINT fk_course_organizer_org FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A course. organizer_org_id NULL: the Alliance itself organizes it. audience is a comma-separated set
-- (FOUNDERS, MANAGERS, MEMBERS). Either place or online_url (or both) says where it happens.
CREATE TABLE course (
  id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind                VARCHAR(40)    NOT NULL,
  title               VARCHAR(200)   NOT NULL,
  description         VARCHAR(4000)  NULL,
  starts_at           DATETIME(6)    NOT NULL,
  ends_at             DATETIME(6)    NOT NULL,
  place               VARCHAR(300)   NULL,
  online_url          VARCHAR(500)   NULL,
  province_code       VARCHAR(8)     NOT NULL,
  capacity            INT            NOT NULL,
  -- Live registrations, kept in the registering transaction under the course's row lock.
  registered_count    INT            NOT NULL DEFAULT 0,
  audience            VARCHAR(60)    NOT NULL,
  organizer_org_id    BIGINT         NULL,
  status              VARCHAR(16)    NOT NULL,
  cancel_reason       VARCHAR(500)   NULL,
  created_by_user_id  BIGINT         NULL,
  created_at          DATETIME(6)    NOT NULL,
  updated_at          DATETIME(6)    NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  CONSTRAINT ck_course_dates CHECK (ends_at >= starts_at),
  CONSTRAINT ck_course_capacity CHECK (capacity > 0),
  -- The last guard against overbooking: the code checks first and says so in the caller's language.
  CONSTRAINT ck_course_seats CHECK (registered_count >= 0 AND registered_count <= capacity),
  CONSTRAINT fk_course_organizer FOREIGN KEY (organizer_org_id) REFERENCES organization (id),
  -- Lists are latest first, optionally by province, kind or organizer; figures read a period.
  INDEX ix_course_starts (starts_at, id),
  INDEX ix_course_province (province_code, starts_at, id),
  INDEX ix_course_kind (kind, starts_at, id),
  INDEX ix_course_organizer (organizer_org_id, starts_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One person registered for a course: the signed-in user themself (user_id) or someone the Alliance or
-- the organizer registered by name and phone; organization_id when they come for an organization.
-- active_user_id / active_phone repeat user_id / phone while the registration is not cancelled, so the
-- unique keys refuse a second live registration of the same person while allowing one after a cancel.
-- activity_at is the course's start once attendance is recorded: the organization's activity signal,
-- indexed with the organization for the activity overview's loose scan.
CREATE TABLE course_registration (
  id                    BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  course_id             BIGINT         NOT NULL,
  user_id               BIGINT         NULL,
  name                  VARCHAR(120)   NOT NULL,
  phone                 VARCHAR(12)    NULL,
  organization_id       BIGINT         NULL,
  audience              VARCHAR(16)    NOT NULL,
  status                VARCHAR(16)    NOT NULL,
  active_user_id        BIGINT         NULL,
  active_phone          VARCHAR(12)    NULL,
  attended              BOOLEAN        NOT NULL DEFAULT FALSE,
  completed             BOOLEAN        NOT NULL DEFAULT FALSE,
  activity_at           DATETIME(6)    NULL,
  registered_by_user_id BIGINT         NULL,
  registered_at         DATETIME(6)    NOT NULL,
  cancelled_at          DATETIME(6)    NULL,
  attendance_recorded_at DATETIME(6)   NULL,
  CONSTRAINT fk_course_reg_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_course_reg_org FOREIGN KEY (organization_id) REFERENCES organization (id),
  CONSTRAINT ck_course_reg_completed CHECK (attended OR NOT completed),
  UNIQUE KEY uk_course_reg_user (course_id, active_user_id),
  UNIQUE KEY uk_course_reg_phone (course_id, active_phone),
  INDEX ix_course_reg_course (course_id, status, id),
  INDEX ix_course_reg_user (user_id, course_id),
  INDEX ix_course_reg_org_activity (organization_id, activity_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
