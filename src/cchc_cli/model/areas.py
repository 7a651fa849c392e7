"""Reform areas ("lĩnh vực cải cách") of each national CCHC programme."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Programme(enum.StrEnum):
    """The national master programme a plan implements ("chương trình tổng thể")."""

    NQ76 = "nq76"
    NQ30C = "nq30c"

    @property
    def label(self) -> str:
        """E.g. "Nghị quyết số 76/NQ-CP ngày 15/7/2021 (giai đoạn 2021-2030)"."""
        return PROGRAMME_TITLES[self]


PROGRAMME_TITLES = {
    Programme.NQ76: "Nghị quyết số 76/NQ-CP ngày 15/7/2021 (giai đoạn 2021-2030)",
    Programme.NQ30C: "Nghị quyết số 30c/NQ-CP ngày 08/11/2011 (giai đoạn 2011-2020)",
}

DIRECTION = "chi-dao"


@dataclass(frozen=True, slots=True)
class Area:
    """One reform area: a stable code and its Vietnamese section title."""

    code: str
    title: str


_DIRECTION_AREA = Area(DIRECTION, "Công tác chỉ đạo, điều hành")

AREAS: dict[Programme, tuple[Area, ...]] = {
    Programme.NQ76: (
        _DIRECTION_AREA,
        Area("the-che", "Cải cách thể chế"),
        Area("tthc", "Cải cách thủ tục hành chính"),
        Area("to-chuc-bo-may", "Cải cách tổ chức bộ máy hành chính nhà nước"),
        Area("cong-vu", "Cải cách chế độ công vụ"),
        Area("tai-chinh-cong", "Cải cách tài chính công"),
        Area("chinh-quyen-so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    ),
    Programme.NQ30C: (
        _DIRECTION_AREA,
        Area("the-che", "Cải cách thể chế"),
        Area("tthc", "Cải cách thủ tục hành chính"),
        Area("to-chuc-bo-may", "Cải cách tổ chức bộ máy hành chính nhà nước"),
        Area("can-bo", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức"),
        Area("tai-chinh-cong", "Cải cách tài chính công"),
        Area("hien-dai-hoa", "Hiện đại hóa hành chính"),
    ),
}

# How NQ 30c areas carry over into NQ 76 (domain.md §2); the rest keep their code.
AREA_MAP_30C_TO_76 = {"can-bo": "cong-vu", "hien-dai-hoa": "chinh-quyen-so"}


def area_codes(programme: Programme) -> tuple[str, ...]:
    return tuple(area.code for area in AREAS[programme])


def area_title(programme: Programme, code: str) -> str:
    for area in AREAS[programme]:
        if area.code == code:
            return area.title
    return code


def to_nq76(programme: Programme, code: str) -> str:
    """The NQ 76 area that an area code of ``programme`` corresponds to."""
    if programme is Programme.NQ30C:
        return AREA_MAP_30C_TO_76.get(code, code)
    return code
