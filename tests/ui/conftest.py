import pytest


@pytest.fixture(autouse=True, scope="session")
def chinese_ui(qapp):
    """UI tests see what a desk sees: the Chinese translation installed."""
    from ui.i18n import install_translations

    assert install_translations(qapp, "zh_CN")
