// The day's report as people read it: plain text lines for the screen, posctl and the
// printer (one rendering for all three), and CSV for the accountant's spreadsheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/money.h"
#include "brigade/domain/report.h"

namespace brigade {

// "Net sales ........ $3,403.00": lines of at most `width` characters (labels are
// shortened to fit; amounts never are), a title, then the sections.
std::vector<std::string> report_text(const DayReport& report, const CurrencyFormat& currency = {},
                                     int width = 42);

// One row per figure: section,key,label,count,amount (amount in decimal, "-7.97"), with
// a header row; text fields quoted when they hold a comma, a quote or a line break.
std::string report_csv(const DayReport& report);

// "Gift card" for gift_card: a tender as the staff say it (a name the hub may add later
// shows as it is).
std::string tender_words(Tender tender);
std::string tender_words(std::string_view tender);

// "2026-12-04 16:02", the hub's local time.
std::string local_date_time(EpochMs at);

}  // namespace brigade
