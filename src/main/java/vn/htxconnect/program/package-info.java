/**
 * Trade promotion events of the Cooperative Alliance (hội chợ xúc tiến thương mại, phiên kết nối B2B,
 * trưng bày sản phẩm): cooperatives and other suppliers exhibit their products, buyers visit, the
 * Alliance checks them in and records the leads made there, which buyers turn into inquiries; each
 * event's outcomes count the participants, leads, and the inquiries and supply linkages formed between
 * its participants within 90 days. Attendance is an activity signal for telling live cooperatives from
 * paper-only ones.
 */
package vn.htxconnect.program;
