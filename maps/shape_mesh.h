// Projected unit shapes as VTK geometry: filled triangles (concave outlines and holes
// triangulated) and boundary lines.
#pragma once
#include "geodata/geometry.h"
#include "projection.h"

#include <vtkCellArray.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkSmartPointer.h>

class vtkPolyData;

namespace c175::maps {

// Accumulates many shapes into one point set, so a whole layer is one actor.
class ShapeMesh {
public:
    explicit ShapeMesh(const Projection& projection, double z = 0.0);

    // Triangulates every part (outer ring plus holes) with vtkContourTriangulator; returns the
    // number of triangles added. Parts VTK cannot fill are counted in failedParts().
    vtkIdType addFill(const geodata::MultiPolygon& shape);
    // Adds every ring as a closed polyline.
    void addOutline(const geodata::MultiPolygon& shape);

    vtkSmartPointer<vtkPolyData> fillPolyData() const;
    vtkSmartPointer<vtkPolyData> outlinePolyData() const;
    int failedParts() const { return m_failedParts; }

private:
    const Projection& m_projection;
    double m_z;
    vtkNew<vtkPoints> m_fillPoints;
    vtkNew<vtkCellArray> m_triangles;
    vtkNew<vtkPoints> m_linePoints;
    vtkNew<vtkCellArray> m_lines;
    int m_failedParts = 0;
};

// Signed area (positive when counter-clockwise) of a projected ring given as x,y pairs.
double signedArea(const std::vector<XY>& ring);

// The line with the vertices that move it by less than `tolerance` removed (Douglas-Peucker);
// the first and last vertices are kept, so a closed ring stays closed.
std::vector<XY> simplifyLine(const std::vector<XY>& line, double tolerance);

} // namespace c175::maps
