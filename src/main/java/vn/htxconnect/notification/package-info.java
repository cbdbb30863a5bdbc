/**
 * Notifications of organizations: short news such as "a new product matches your sourcing request",
 * written by other modules in their own transaction through {@link vn.htxconnect.notification.NotificationService},
 * listed with an unread count, marked read, and pushed live over a GraphQL subscription. A
 * notification belongs to an organization, not a user: its members share one list and one read
 * mark. The text is rendered when read, in the reader's language, from its kind and parameters.
 * A module of its own (the architecture listed notifications under sourcing) because inquiries and
 * linkages notify too; it depends on platform and organization, and for the optional daily e-mail digest of unread
 * notifications on account (who people are: {@code UserDirectory}) and mail, none of which uses it, so any module may.
 */
package vn.htxconnect.notification;
