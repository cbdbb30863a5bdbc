-- Search maintenance jobs (full reindex), shared by every app instance: progress is visible from any
-- of them, and the unique key lets only one job of a kind run at a time (running_lock is 1 while it
-- runs and NULL afterwards; NULLs do not collide in a unique key on MySQL or MariaDB).
CREATE TABLE search_job (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          VARCHAR(32)   NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  target_index  VARCHAR(200)  NULL,
  total         BIGINT        NOT NULL DEFAULT 0,
  processed     BIGINT        NOT NULL DEFAULT 0,
  caught_up     BIGINT        NOT NULL DEFAULT 0,
  started_at    DATETIME(6)   NOT NULL,
  loaded_at     DATETIME(6)   NULL,
  finished_at   DATETIME(6)   NULL,
  heartbeat_at  DATETIME(6)   NOT NULL,
  error         VARCHAR(1000) NULL,
  running_lock  TINYINT       NULL,
  UNIQUE KEY uk_search_job_running (kind, running_lock)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
