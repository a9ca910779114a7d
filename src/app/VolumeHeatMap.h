// Messages by weekday × hour of day as a grid of shaded cells: the darker, the busier. Shows
// either what came in (customers) or what went out (replies); hovering a cell tells its count.
#pragma once

#include <QWidget>
#include <array>
#include <cstdint>

namespace earshot::gui {

class VolumeHeatMap : public QWidget {
    Q_OBJECT

public:
    using Grid = std::array<std::array<std::int64_t, 24>, 7>;  // [weekday, Monday first][hour]

    explicit VolumeHeatMap(QWidget* parent = nullptr);
    void setGrid(const Grid& grid);
    const Grid& grid() const { return m_grid; }
    // The cell under a point, or {-1, -1}.
    std::pair<int, int> cellAt(const QPoint& point) const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF cellRect(int weekday, int hour) const;
    int labelWidth() const;

    Grid m_grid{};
    std::int64_t m_max = 0;
};

}  // namespace earshot::gui
