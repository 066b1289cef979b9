// The programme report's figures for funders: aggregate counts over a period, read from the database. What a
// report may show of them is decided in core (core/suppression.hpp, core/report_content.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/report.hpp"
#include "core/report_content.hpp"
#include "core/report_figures.hpp"
#include "core/suppression.hpp"
#include "core/text.hpp"
#include "store/database.hpp"

namespace mitra::store {

// The raw figures (core/report_figures.hpp): exact counts, never shown as they are (see report_tables).
using mitra::CountryFigures;
using mitra::ModuleFigures;
using mitra::MonthFigures;
using mitra::ProgrammeFigures;
using mitra::ReportFilter;

// Counts everything for the cohorts in scope: those matching the filter that were running in the
// period (started by its end, and their last session or end date not before its start). Completion is
// judged as the records stand, with the period's last day as "today". One consistent read.
ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter);

// ---- Suppression: what a report may show (decided in core/suppression.hpp) -----------------------

using mitra::Hidden;
using mitra::is_suppressed;
using mitra::report_suppression;
using mitra::ReportSuppression;
using mitra::shown_count;
using mitra::shown_rate;
using mitra::SumLine;
using mitra::suppress_cells;

// ---- What a report shows, in words (core/report_content.hpp) -----------------------------------

using mitra::report_charts;
using mitra::report_content;
using mitra::report_tables;
using mitra::ReportWords;

}  // namespace mitra::store
