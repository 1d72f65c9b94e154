"""ApprovalPanel: the draft's way to the desk — its version label, submitted for approval,
approved and signed by the named manager (签发人, date), then published — with every act so
far, and each refusal said in words. The desk runs a published version from its next start
(it offers to start again at once: `published`).

It also says when the program ships newer plans than those the hall's plans were built on, or
when the draft open no longer builds on what the desk runs (it cannot be published), and
brings the hall's plans up to date: a new draft from the program's plans with the hall's
changes carried over, those that no longer apply listed (models.plans.updating)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.services.plan_drafts import Act, Draft, Leftover, Library
from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.plans.plan_editor_fields import DraftField
from ui.plans.plan_editor_session import DraftSession
from ui.plans.plan_editor_words import act_text, place_text, status_text, value_text


class ApprovalPanel(QWidget):
    published = Signal(str)  # the version label published

    def __init__(self, *, session: DraftSession, confirm: Confirm = ask_yes_no,
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalPanel")
        self._session = session
        self._confirm = confirm
        self._zone = zone
        self.status = QLabel(objectName="draftStatus")
        self.status.setWordWrap(True)
        self.version = DraftField(where="catalog.version", kind="text", save=session.save,
                                  name="draftVersion", parent=self)
        self.revised = DraftField(where="catalog.revised", kind="date", save=session.save,
                                  name="draftRevised", parent=self)
        self.signer = QLineEdit(objectName="draftSigner")
        self.signer.setPlaceholderText(self.tr("Manager who signs (签发人)"))
        self.signed_on = QLineEdit(objectName="draftSignedOn")
        self.signed_on.setPlaceholderText("YYYY-MM-DD")
        self.submit_button = self._button(self.tr("1. Submit for approval"), "submitDraft",
                                          self.submit)
        self.approve_button = self._button(self.tr("2. Approve and sign"), "approveDraft",
                                           self.approve)
        self.publish_button = self._button(self.tr("3. Publish"), "publishDraft",
                                           self.ask_publish)
        self.withdraw_button = self._button(self.tr("Withdraw to edit again"), "withdrawDraft",
                                            self.withdraw)
        self.discard_button = self._button(self.tr("Discard the draft…"), "discardDraft",
                                           self.ask_discard)
        self.news = QLabel(objectName="libraryNews")
        self.news.setWordWrap(True)
        self.update_button = self._button(self.tr("Bring up to date with the program's "
                                                  "plans…"), "updateDraft", self.ask_update)
        self.leftovers = QLabel(objectName="draftLeftovers")
        self.leftovers.setWordWrap(True)
        self.acts = QListWidget(objectName="draftActs")
        self.acts.setWordWrap(True)
        self.message = QLabel(objectName="approvalMessage")
        self.message.setWordWrap(True)

        version_form = QFormLayout()
        version_form.addRow(self.tr("Version label of the draft"), self.version.box)
        version_form.addRow(self.tr("Revised on"), self.revised.box)
        steps = QGridLayout()
        steps.addWidget(self.submit_button, 0, 0)
        steps.addWidget(QLabel(self.tr("by the editor named at the top; then management "
                                       "approves it."), objectName="hintLabel"), 0, 1, 1, 3)
        steps.addWidget(self.approve_button, 1, 0)
        steps.addWidget(self.signer, 1, 1)
        steps.addWidget(QLabel(self.tr("signed on")), 1, 2)
        steps.addWidget(self.signed_on, 1, 3)
        steps.addWidget(self.publish_button, 2, 0)
        steps.addWidget(QLabel(self.tr("the desk runs it from its next start; incidents keep "
                                       "the version they ran."), objectName="hintLabel"),
                        2, 1, 1, 3)
        steps.setColumnStretch(1, 2)
        steps.setColumnStretch(3, 1)
        others = QHBoxLayout()
        others.addWidget(self.withdraw_button)
        others.addWidget(self.discard_button)
        others.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.status)
        news = QHBoxLayout()
        news.addWidget(self.news, 1)
        news.addWidget(self.update_button)
        left.addLayout(news)
        left.addWidget(self.leftovers)
        left.addLayout(version_form)
        left.addLayout(steps)
        left.addLayout(others)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("What was done"), objectName="sectionLabel"))
        right.addWidget(self.acts, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        session.moved.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    # -- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        draft = self._session.draft()
        self.status.setText(self.status_line(draft))
        status = draft.status if draft else ""
        self.version.load(self._session.read("catalog.version") if draft else None)
        self.revised.load(self._session.read("catalog.revised") if draft else None)
        if status in ("", "editing"):
            self.signer.clear()  # each approval names its signer afresh
        for field in (self.version, self.revised):
            field.editor.setEnabled(status == "editing")
        self.submit_button.setEnabled(status == "editing")
        self.approve_button.setEnabled(status == "submitted")
        self.signer.setEnabled(status == "submitted")
        self.signed_on.setEnabled(status == "submitted")
        self.publish_button.setEnabled(status == "approved")
        self.withdraw_button.setEnabled(status in ("submitted", "approved"))
        self.discard_button.setEnabled(draft is not None)
        if not self.signed_on.text():
            self.signed_on.setText(self._session.today().isoformat())
        self.acts.clear()
        acts = self._session.acts()
        self.acts.addItems([self.act_line(a) for a in acts])
        self.show_news(draft, any(a.act == "updated" for a in acts) and draft is not None)

    def show_news(self, draft: Draft | None, updated: bool) -> None:
        """Newer plans from the program, a stale draft, what an update did not carry over."""
        service = self._session.service
        news, stale = service.lifecycle(draft)
        self.news.setVisible(bool(news or stale))
        # the draft open already is the update: nothing to offer but to finish it
        self.update_button.setVisible(bool(stale) or (news is not None and not updated))
        if stale:
            show_message(self.news, self.stale_line(stale), ok=False)
        elif news:
            show_message(self.news, self.news_line(*news, updated), ok=True)
        left = service.leftovers(draft) if draft else []
        self.leftovers.setVisible(bool(left))
        self.leftovers.setText("\n".join([self.tr(
            "Not carried over by the update ({0}) — decide each, and change it in the editor "
            "where the hall still wants it:").format(len(left)),
            *(f"• {self.leftover_line(x)}" for x in left)]))
    def status_line(self, draft: Draft | None) -> str:
        if draft is None:
            return self.tr("No draft is open: the desk runs the plans in use. Start a draft "
                           "(at the top) to change them.")
        return self.tr("Draft #{0}, {1} — started {2} by {3} from version {4}.").format(
            draft.id, status_text(draft.status),
            hall_time.local_text(draft.started_at, self._zone), draft.started_by,
            draft.base_version)

    def stale_line(self, base: str) -> str:
        return self.tr("This draft was started from version {0}, which the desk no longer runs "
                       "or builds on (plans were published or shipped with the program since): "
                       "it cannot be published. Bring it up to date — its changes are carried "
                       "over where they still apply — or discard it.").format(base)

    def news_line(self, base: Library, shipped: Library, updated: bool) -> str:
        if updated:
            return self.tr("This draft was opened from the program's plans version {0}: check "
                           "what was not carried over, give it a version label of its own, then "
                           "submit it.").format(shipped.version)
        return self.tr("The program ships plans version {0}, newer than version {1} the hall's "
                       "plans were built on. Bring them up to date: a new draft from the "
                       "program's plans, with the hall's changes carried over where they still "
                       "apply.").format(shipped.version, base.version)

    def leftover_line(self, left: Leftover) -> str:
        """The place in words (情形“…” 第4步 内容), what the hall had made it, and why not."""
        why = {"changed": self.tr("the program's plans now say: {0}").format(
                   value_text(left.now)),
               "gone": self.tr("that place is no longer in the program's plans"),
               "broken": self.tr("the plans would have a problem: {0}").format(left.detail)}
        return self.tr("{0}: the hall changed “{1}” to “{2}”; {3}").format(
            place_text(left.where, self._session.names()), value_text(left.old),
            value_text(left.new), why.get(left.reason, left.reason))

    def act_line(self, act: Act) -> str:
        line = self.tr("{0}  {1} {2} version {3}").format(
            hall_time.local_text(act.at, self._zone), act.by, act_text(act.act), act.version)
        if act.signer:
            signed = act.signed_on.isoformat() if act.signed_on else ""
            line += self.tr(" · signed by {0} {1}").format(act.signer, signed)
        return line

    def _say(self, problem: str, done: str) -> bool:
        show_message(self.message, problem or done, ok=not problem)
        return not problem

    # -- acting --------------------------------------------------------------------------------
    def submit(self) -> bool:
        return self._say(self._session.submit(), self.tr(
            "Submitted. Management now approves and signs it (step 2)."))

    def approve(self) -> bool:
        try:
            signed_on: date | None = date.fromisoformat(self.signed_on.text().strip())
        except ValueError:
            signed_on = None  # said as the draft's own refusal (bad_date)
        return self._say(self._session.approve(self.signer.text(), signed_on), self.tr(
            "Approved and signed by {0}. Publish it to make it the desk's plans (step 3).")
            .format(self.signer.text().strip()))

    def ask_publish(self) -> None:
        self._confirm(self, self.tr("Publish the draft?"),
                      self.tr("The approved draft becomes the hall's plans: the desk runs it "
                              "from its next start. Incidents keep the version they ran."),
                      self.publish)

    def publish(self) -> bool:
        draft = self._session.draft()
        version = str(self._session.read("catalog.version")) if draft else ""
        done = self._say(self._session.publish(), self.tr(
            "Published: version {0}. The desk runs it once it starts again; incidents keep "
            "the version they ran.").format(version))
        if done:
            self.published.emit(version)
        return done

    def withdraw(self) -> bool:
        return self._say(self._session.withdraw(), self.tr(
            "Withdrawn: the draft can be edited again; it must be submitted and approved "
            "again."))

    def ask_update(self) -> None:
        self._confirm(self, self.tr("Bring the hall's plans up to date?"),
                      self.tr("A new draft is opened from the plans shipped with the program. "
                              "The hall's recorded changes are carried over where the text they "
                              "changed is still there; the others are listed for you to decide. "
                              "A draft now open is discarded, its changes carried over. The "
                              "desk runs the plans in use until the new draft is published."),
                      self.update)

    def update(self) -> bool:
        done = self._say(self._session.update(), "")
        if done:
            draft = self._session.draft()
            left = len(self._session.service.leftovers(draft)) if draft else 0
            show_message(self.message, self.tr(
                "Draft #{0} opened from the program's plans: the hall's changes are carried "
                "over where they still apply, {1} not (listed above). Give it a version label "
                "of its own, then submit it.").format(draft.id if draft else "", left), ok=True)
        return done

    def ask_discard(self) -> None:
        self._confirm(self, self.tr("Discard the draft?"),
                      self.tr("The draft and its changes are given up (the record of them "
                              "stays); the plans in use do not change."), self.discard)

    def discard(self) -> bool:
        return self._say(self._session.discard(), self.tr(
            "The draft is discarded; the plans in use did not change."))
