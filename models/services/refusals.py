"""Every refusal a service may raise: the domain's answer to a command it will not carry
out (said to the user in the screen's words), as opposed to a failure (a bug, a damaged or
read-only database), which takes the one error path."""

from models.contacts.csv_import import CsvRefused
from models.contacts.directory import ContactRefused
from models.drills.report import NoDrillReport
from models.drills.scenarios import ScenarioRefused
from models.drills.training import TrainingRefused
from models.incidents.deadlines import DeadlineRefused
from models.incidents.records import RecordRefused
from models.incidents.response import ActionRefused
from models.plans.drafts import DraftRefused
from models.plans.revisions import ApprovalRefused
from models.reporting.stages import ReportRefused
from models.services.drills import ScenarioNotWritten
from models.services.records import RecordNotSaved

REFUSALS: tuple[type[Exception], ...] = (
    ActionRefused, ApprovalRefused, ContactRefused, CsvRefused, DeadlineRefused, DraftRefused,
    NoDrillReport, RecordNotSaved, RecordRefused, ReportRefused, ScenarioNotWritten,
    ScenarioRefused, TrainingRefused)
