"""Time: the injectable clocks, the workday/holiday calendar, who acts when."""
