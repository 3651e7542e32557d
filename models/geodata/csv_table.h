// A small RFC 4180 CSV reader for the population tables (quoted fields, CRLF, UTF-8 BOM).
#pragma once
#include <string>
#include <vector>

namespace c175::geodata {

class CsvTable {
public:
    // Throws GeodataError naming the file when it cannot be read or a quote is left open.
    static CsvTable read(const std::string& path);
    static CsvTable parse(const std::string& text, const std::string& fileName);

    const std::string& fileName() const { return m_fileName; }
    const std::vector<std::string>& header() const { return m_header; }
    const std::vector<std::vector<std::string>>& rows() const { return m_rows; }
    // Index of a header column; throws GeodataError naming the file when there is none.
    std::size_t column(const std::string& name) const;
    // Line number (1 = header) of data row i, for messages.
    int lineOf(std::size_t row) const { return m_lines.at(row); }

private:
    std::string m_fileName;
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<int> m_lines;
};

} // namespace c175::geodata
