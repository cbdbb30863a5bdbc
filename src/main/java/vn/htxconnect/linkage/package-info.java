/**
 * Supply linkages (liên kết cung ứng) along value chains: who supplies whom with what, at which stage
 * (production, processing, distribution, retail, export), their lifecycle from proposal to end with a
 * kept history, what actually moved (supply events, traceable lots) and the value-chain graph built from
 * them. Accepted quotes open proposed linkages; matching reads active linkages as a trust signal.
 */
package vn.htxconnect.linkage;
