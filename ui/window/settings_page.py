"""SettingsPage: the desk's settings, each built from its declaration (models.store.settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.plans.editions import WHOLE_LIBRARY, Edition
from models.store.settings import BY_KEY, SettingsError, SettingsStore
from ui.common.message_tone import show_message

# What this page edits; the clerk on duty is chosen from the header instead.
EDITED = ("hall_name", "desk_name", "language", "text_size", "alarm_sound", "alarm_volume",
          "timezone", "backup_folder")


class SettingsPage(QWidget):
    settings_changed = Signal(str, object)  # key, new value

    def __init__(self, *, store: SettingsStore,
                 test_sound: Callable[[int], str] | None = None,
                 editions: tuple[Edition, ...] = (),
                 parent: QWidget | None = None) -> None:
        """`editions`: the kinds of hall of plans/editions.toml (none: no such choice)."""
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._store = store
        self._editions = editions
        self._edited = EDITED + (("edition",) if editions else ())
        self._editors: dict[str, QWidget] = {}
        title = QLabel(self.tr("Settings"), objectName="pageTitle")
        form = QFormLayout()
        hall_row = QHBoxLayout()  # the hall's name and what kind of hall it is
        for spec in (BY_KEY[key] for key in self._edited):
            editor = self._editor_for(spec)
            editor.setObjectName(f"setting_{spec.key}")
            self._editors[spec.key] = editor
            if spec.key in ("hall_name", "edition"):  # one row: Save stays in sight at 768
                if spec.key == "edition":
                    hall_row.addWidget(QLabel(self._label("edition")))
                hall_row.addWidget(editor, 3 if spec.key == "hall_name" else 2)
                if spec.key == "hall_name":
                    form.addRow(self._label(spec.key), hall_row)
                continue
            form.addRow(self._label(spec.key), editor)
            if spec.key == "alarm_volume" and test_sound is not None:  # heard before saving
                self.test_sound = QPushButton(self.tr("Test the alarm sound"),
                                              objectName="testSound")
                self.test_sound.clicked.connect(lambda: show_message(self.message, self.tr(
                    "Playing the alarm for 3 seconds through: {0}").format(
                        test_sound(int(self.value_of("alarm_volume")))), ok=True))
                form.addRow("", self.test_sound)
        self.save_button = QPushButton(self.tr("Save"), objectName="saveSettings")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(objectName="settingsMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        save_row = QHBoxLayout()  # the answer beside Save: in sight, and it moves nothing
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        save_row.addWidget(self.message, 1)
        layout.addLayout(save_row)
        layout.addStretch(1)
        if store.problem:
            show_message(self.message, store.problem, ok=False)

    def _label(self, key: str) -> str:
        labels = {
            "hall_name": self.tr("Hall name"),
            "desk_name": self.tr("Desk name"),
            "language": self.tr("Language"),
            "text_size": self.tr("Text size"),
            "alarm_sound": self.tr("Alarm sound"),
            "alarm_volume": self.tr("Alarm volume"),
            "timezone": self.tr("Time zone of the hall"),
            "backup_folder": self.tr("Backup folder (empty: beside the database)"),
            "edition": self.tr("Kind of hall"),
        }
        return labels[key]

    def _refusal(self, key: str, value: object, error: Exception) -> str:
        if key == "timezone" and isinstance(error, SettingsError):
            return self.tr("Not saved: “{0}” is not a time zone name. Write one such as "
                           "Asia/Shanghai or Asia/Urumqi.").format(value)
        return self.tr("Not saved: {0}").format(str(error))

    def _choice_text(self, value: object) -> str:
        texts = {"zh_CN": "简体中文", "en": "English", True: self.tr("On"), False: self.tr("Off")}
        if isinstance(value, int) and not isinstance(value, bool):
            if value > 115:  # tests/ui/test_home_layout.py: what fits where
                return self.tr("{0}% (for screens of 1920×1080 or more)").format(value)
            return f"{value}%"
        return texts.get(value, str(value))

    def _editor_for(self, spec) -> QWidget:
        value = self._store.get(spec.key)
        if spec.key == "edition":
            box = QComboBox()
            if value == "":  # not chosen yet: asked at the next start
                box.addItem(self.tr("Not chosen yet"), "")
            box.addItem(self.tr("Every plan (all kinds of hall)"), WHOLE_LIBRARY)
            for edition in self._editions:
                box.addItem(edition.name, edition.key)
            box.setCurrentIndex(max(0, box.findData(value)))
            return box
        if spec.choices:
            box = QComboBox()
            for choice in spec.choices:
                box.addItem(self._choice_text(choice), choice)
            box.setCurrentIndex(spec.choices.index(value))
            return box
        line = QLineEdit(str(value))
        line.setMaxLength(spec.max_length)
        return line

    def value_of(self, key: str) -> object:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def save(self) -> None:
        changed = []
        for key in self._edited:
            value = self.value_of(key)
            if value == self._store.get(key):
                continue
            try:
                self._store.set(key, value)
            except (SettingsError, OSError) as e:
                show_message(self.message, self._refusal(key, value, e), ok=False)
                return
            changed.append(key)
        for key in changed:
            self.settings_changed.emit(key, self._store.get(key))
        note = self.tr("Saved.")
        if "text_size" in changed:
            note += " " + self.tr("The new text size shows now.")
        if "language" in changed:
            note += " " + self.tr("The language changes at the next start.")
        if "timezone" in changed:  # one day, one numbering, for the whole of a session
            note += " " + self.tr("The time zone changes at the next start.")
        if "backup_folder" in changed:
            note += " " + self.tr("Backups go to the new folder from the next start.")
        if "edition" in changed:  # the desk's services hold one catalog for a session
            note += " " + self.tr("The hall's plans change at the next start; incidents "
                                  "running then keep the plans they started with.")
        show_message(self.message, note, ok=True)
