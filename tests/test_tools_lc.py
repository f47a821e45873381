"""LangChain StructuredTool wrappers expose the same calculators."""

from __future__ import annotations

from langchain_core.tools import StructuredTool

from callbot.tools.lc import calculator_tools


def tools() -> dict[str, StructuredTool]:
    return {tool.name: tool for tool in calculator_tools()}


def test_one_tool_per_calculator_with_schema():
    found = tools()
    assert set(found) == {"lump_sum", "distance", "eligibility", "budget", "exchanges",
                          "call_status"}
    assert "working_days" in found["lump_sum"].args


def test_tools_return_the_calculator_result():
    found = tools()
    result = found["lump_sum"].invoke({"origin": "Bari", "destination": "Lyon",
                                       "working_days": 5})
    assert result["amount_eur"] == 1100 and result["rules"]
    partners = [{"name": "A", "country": "IT", "region": "Puglia"},
                {"name": "B", "country": "DE", "region": "Oberbayern"},
                {"name": "C", "country": "FR", "region": "Occitanie"}]
    assert found["eligibility"].invoke({"partners": partners})["eligible"] is True


def test_errors_come_back_as_text():
    found = tools()
    invalid = found["lump_sum"].invoke({"origin": "Bari", "working_days": 5})
    assert isinstance(invalid, str) and "distance_km" in invalid
    unknown = found["lump_sum"].invoke({"origin": "Bari", "destination": "Xyzzyville",
                                        "working_days": 5})
    assert isinstance(unknown, str) and "Xyzzyville" in unknown
