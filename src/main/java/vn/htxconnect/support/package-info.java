/**
 * Support for cooperatives (hỗ trợ hợp tác xã): training courses of the provincial Cooperative Alliance and
 * the partners it names — the Cooperative Law for would-be founders, management and accounting, digital
 * transformation, VietGAP/OCOP preparation — with registration within capacity, attendance and completion,
 * and the figures of the Alliance's report (including how many founders went on to register a cooperative).
 * Attending a course is an activity signal of the cooperative that sent the person. Support programmes with
 * eligibility explained rule by rule, and applications to them through review, disbursement in instalments and loan
 * repayment, within each programme's budget (the development fund), with the figures of the Alliance's report.
 */
package vn.htxconnect.support;
