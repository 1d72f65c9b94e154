"""Every refusal a service may raise: the domain's answer to a command it will not carry
out (said to the user in the screen's words), as opposed to a failure (a bug, a damaged or
read-only database), which takes the one error path."""

from models.contacts.csv_import import CsvRefused
from models.contacts.directory import ContactRefused
from models.drills.actions import CorrectiveRefused
from models.drills.attachments import AttachmentRefused
from models.drills.drill_forms import FormRefused
from models.drills.evaluation import EvaluationRefused
from models.drills.evaluation_report import NoEvaluation
from models.drills.report import NoDrillReport
from models.drills.scenarios import ScenarioRefused
from models.drills.training import TrainingRefused
from models.incidents.deadlines import DeadlineRefused
from models.incidents.records import RecordRefused
from models.incidents.response import ActionRefused
from models.journal.duty_calls import CallRefused
from models.journal.handover import HandoverRefused
from models.plans.drafts import DraftRefused
from models.plans.revisions import ApprovalRefused
from models.reporting.stages import ReportRefused
from models.services.drills import ScenarioNotWritten
from models.services.records import RecordNotSaved

REFUSALS: tuple[type[Exception], ...] = (
    ActionRefused, ApprovalRefused, CallRefused, ContactRefused, CsvRefused, DeadlineRefused,
    DraftRefused, HandoverRefused, NoDrillReport, RecordNotSaved, RecordRefused, ReportRefused,
    ScenarioNotWritten, ScenarioRefused, TrainingRefused)
# drill evaluations, corrective actions, attachments (issue 17, area D)
REFUSALS += (AttachmentRefused, CorrectiveRefused, EvaluationRefused, FormRefused, NoEvaluation)
