/**
 * Demo data: realistic cooperatives, buyers, processors and distributors in all 34 provinces with real
 * Vietnamese produce and specialties, generated deterministically from a seed and loaded through the
 * organization and catalog services (so validation and the outbox apply). {@code htx.demo.load=small}
 * fills an empty database for the Run command; {@code htx.demo.load=bench} loads N products for benchmarks.
 */
package vn.htxconnect.demo;
