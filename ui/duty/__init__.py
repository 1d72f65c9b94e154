"""The duty phone log (值班电话记录簿) and the shift handover (交接班)."""
