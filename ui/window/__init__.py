"""The main window: header, navigation, alarms, timers, 110/119/120, assembling the desk."""
