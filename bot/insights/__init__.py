"""Insights: how customers are classified, and the segments built on that.

classification.py  the rules: lifecycle stage, value tiers (RFM), currency conversion, churn warnings.
reclassify.py      recomputing every customer (`/crm recompute`, every 6 hours), and the workspace
                   settings it reads (stage thresholds, currency rates).
segments.py        saved customer filters in English or Chinese, and who is in one now.
"""
