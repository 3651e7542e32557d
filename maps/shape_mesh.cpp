#include "shape_mesh.h"

#include <vtkContourTriangulator.h>
#include <vtkIdList.h>
#include <vtkPolyData.h>

#include <algorithm>

namespace c175::maps {

double signedArea(const std::vector<XY>& ring) {
    double a = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    return a / 2;
}

std::vector<XY> simplifyLine(const std::vector<XY>& line, double tolerance) {
    if (line.size() < 3 || tolerance <= 0)
        return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    const double tol2 = tolerance * tolerance;
    // Squared distance from p to the segment a-b (to a when a and b coincide, as in a ring).
    auto dist2 = [](const XY& p, const XY& a, const XY& b) {
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
        t = std::clamp(t, 0.0, 1.0);
        const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
        return ex * ex + ey * ey;
    };
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, line.size() - 1}};
    while (!spans.empty()) {
        const auto [first, last] = spans.back();
        spans.pop_back();
        double worst = -1;
        std::size_t at = first;
        for (std::size_t i = first + 1; i < last; ++i)
            if (const double d = dist2(line[i], line[first], line[last]); d > worst) {
                worst = d;
                at = i;
            }
        if (worst > tol2) {
            keep[at] = 1;
            spans.emplace_back(first, at);
            spans.emplace_back(at, last);
        }
    }
    std::vector<XY> out;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (keep[i])
            out.push_back(line[i]);
    return out;
}

ShapeMesh::ShapeMesh(const Projection& projection, double z) : m_projection(projection), m_z(z) {}

namespace {

// Projected ring without the closing repeat and without consecutive duplicates.
std::vector<XY> projectRing(const geodata::Ring& ring, const Projection& projection) {
    std::vector<XY> out;
    out.reserve(ring.size());
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const XY p = projection.project(ring[i].lon, ring[i].lat);
        if (out.empty() || out.back().x != p.x || out.back().y != p.y)
            out.push_back(p);
    }
    while (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y)
        out.pop_back();
    return out;
}

} // namespace

vtkIdType ShapeMesh::addFill(const geodata::MultiPolygon& shape) {
    vtkIdType added = 0;
    const double normal[3] = {0, 0, 1};
    for (const auto& polygon : shape) {
        // vtkContourTriangulator fills outer contours wound counter-clockwise about the normal
        // and treats contours wound the other way as holes.
        vtkNew<vtkPolyData> contours;
        vtkNew<vtkPoints> points;
        vtkNew<vtkCellArray> segments;
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            auto ring = projectRing(polygon[r], m_projection);
            if (ring.size() < 3)
                continue;
            const bool ccw = signedArea(ring) > 0;
            if ((r == 0) != ccw)
                std::reverse(ring.begin(), ring.end());
            const vtkIdType first = points->GetNumberOfPoints();
            for (const auto& p : ring)
                points->InsertNextPoint(p.x, p.y, m_z);
            const auto n = static_cast<vtkIdType>(ring.size());
            for (vtkIdType i = 0; i < n; ++i) {
                const vtkIdType seg[2] = {first + i, first + (i + 1) % n};
                segments->InsertNextCell(2, seg);
            }
        }
        if (segments->GetNumberOfCells() == 0)
            continue;
        contours->SetPoints(points);
        contours->SetLines(segments);
        vtkNew<vtkCellArray> triangles;
        if (!vtkContourTriangulator::TriangulateContours(contours, 0, segments->GetNumberOfCells(),
                                                         triangles, normal))
            ++m_failedParts;
        const vtkIdType offset = m_fillPoints->GetNumberOfPoints();
        m_fillPoints->InsertPoints(offset, points->GetNumberOfPoints(), 0, points);
        vtkIdType npts = 0;
        const vtkIdType* ids = nullptr;
        vtkIdType shifted[16];
        for (triangles->InitTraversal(); triangles->GetNextCell(npts, ids);) {
            if (npts > 16)
                continue;
            for (vtkIdType i = 0; i < npts; ++i)
                shifted[i] = ids[i] + offset;
            m_triangles->InsertNextCell(npts, shifted);
            ++added;
        }
    }
    return added;
}

void ShapeMesh::addOutline(const geodata::MultiPolygon& shape) {
    for (const auto& polygon : shape)
        for (const auto& r : polygon) {
            const auto ring = projectRing(r, m_projection);
            if (ring.size() < 2)
                continue;
            const vtkIdType first = m_linePoints->GetNumberOfPoints();
            for (const auto& p : ring)
                m_linePoints->InsertNextPoint(p.x, p.y, m_z);
            m_lines->InsertNextCell(static_cast<vtkIdType>(ring.size() + 1));
            for (std::size_t i = 0; i < ring.size(); ++i)
                m_lines->InsertCellPoint(first + static_cast<vtkIdType>(i));
            m_lines->InsertCellPoint(first);
        }
}

vtkSmartPointer<vtkPolyData> ShapeMesh::fillPolyData() const {
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(m_fillPoints);
    pd->SetPolys(m_triangles);
    return pd;
}

vtkSmartPointer<vtkPolyData> ShapeMesh::outlinePolyData() const {
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(m_linePoints);
    pd->SetLines(m_lines);
    return pd;
}

} // namespace c175::maps
