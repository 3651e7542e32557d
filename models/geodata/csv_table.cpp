#include "geodata/csv_table.h"

#include "core/i18n.h"
#include "geodata/geodata_error.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace c175::geodata {

CsvTable CsvTable::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw GeodataError(core::fmt(core::tr("Cannot read the geodata file \"{}\"."), path));
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), std::filesystem::path(path).filename().string());
}

CsvTable CsvTable::parse(const std::string& text, const std::string& fileName) {
    CsvTable table;
    table.m_fileName = fileName;
    std::size_t pos = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    int line = 1;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;
    int recordLine = 1;
    auto endRecord = [&] {
        record.push_back(std::move(field));
        field.clear();
        const bool blank = record.size() == 1 && record.front().empty();
        if (!blank) {
            if (table.m_header.empty()) {
                table.m_header = std::move(record);
            } else {
                table.m_rows.push_back(std::move(record));
                table.m_lines.push_back(recordLine);
            }
        }
        record.clear();
        any = false;
    };
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (!any) {
            recordLine = line;
            any = true;
        }
        if (quoted) {
            if (c == '"') {
                if (pos + 1 < text.size() && text[pos + 1] == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r') {
            // CRLF: the '\n' ends the record.
        } else if (c == '\n') {
            ++line;
            endRecord();
        } else {
            field += c;
        }
    }
    if (quoted)
        throw GeodataError(core::fmt(core::tr("{}, line {}: a quoted field is not closed."),
                                     fileName, recordLine));
    if (any)
        endRecord();
    if (table.m_header.empty())
        throw GeodataError(core::fmt(core::tr("{} is empty (no header line)."), fileName));
    return table;
}

std::size_t CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < m_header.size(); ++i)
        if (m_header[i] == name)
            return i;
    throw GeodataError(
        core::fmt(core::tr("{} has no column \"{}\" in its header."), m_fileName, name));
}

} // namespace c175::geodata
