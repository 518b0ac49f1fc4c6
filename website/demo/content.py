"""The demo site's people, categories and site-wide text (articles live in articles.py).

Everything here is invented for the demo: names, places and links. Links use
"contoh" ("example") addresses or the .example domain so nobody mistakes them for
real accounts. Slugs and usernames are the stable keys seed_demo looks things up by.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Picture:
    """A Pillow-drawn picture: which scene, in which colours, and what it shows."""

    scene: str
    palette: str
    alt: str
    seed: int = 0


@dataclass(frozen=True)
class Avatar:
    skin: str
    outfit: str
    background: str
    alt: str
    hijab: str | None = None
    hair: str | None = None
    glasses: bool = False


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    role: str
    group: str | None = None
    is_superuser: bool = False


@dataclass(frozen=True)
class Contributor:
    slug: str
    title: str  # the real name; public only when there is no pen-name-only wish
    short_bio: str
    bio: str
    links: list[tuple[str, str, str]] = field(default_factory=list)
    pen_name: str = ""
    use_pen_name_only: bool = False
    avatar: Avatar | None = None
    username: str | None = None
    joined_days_ago: int = 300


# --- Site ---------------------------------------------------------------------------

HOME_INTRO = (
    "<p>Serambi adalah teras rumah tempat para ibu tunggal duduk bersama, bercerita, "
    "dan saling menguatkan. Di sini anggota komunitas menulis dan menggambar tentang "
    "hari-hari membesarkan anak seorang diri: yang berat, yang lucu, dan yang membuat "
    "kami tumbuh.</p>"
    "<p>Silakan duduk, ambil teh, dan baca pelan-pelan. <b>Kamu tidak sendirian.</b></p>"
)
HOME_INVITATION_HEADING = "Punya cerita untuk dibagikan?"
HOME_INVITATION_TEXT = (
    "Serambi terbuka untuk siapa saja yang ingin menulis atau menggambar tentang "
    "perjalanan membesarkan anak seorang diri. Kamu boleh memakai nama pena, dan tim "
    "redaksi akan menemanimu dari draf pertama sampai tulisanmu terbit. Kirim kabar "
    "lewat e-mail atau sapa kami di grup WhatsApp komunitas."
)
BLOG_INDEX_INTRO = (
    "<p>Cerita, catatan, dan tips praktis dari para ibu tunggal: tentang perasaan, "
    "mengasuh anak, bekerja, mengatur uang, dan merawat diri sendiri.</p>"
)
CONTRIBUTOR_INDEX_INTRO = (
    "<p>Mereka yang menulis dan menggambar untuk Serambi. Sebagian memakai nama asli, "
    "sebagian memakai nama pena. Semuanya relawan.</p>"
)

# Public services whose numbers are published by the government; hours are left to
# the editor where we could not confirm them.
HELPLINES = [
    {
        "name": "SAPA 129 (Kementerian PPPA)",
        "description": (
            "Pengaduan kekerasan terhadap perempuan dan anak, termasuk kekerasan "
            "dalam rumah tangga."
        ),
        "number": "129",
        "hours": "",
        "whatsapp_url": "https://wa.me/628111129129",
    },
    {
        "name": "SEJIWA (Sehat Jiwa)",
        "description": "Layanan dukungan psikologis dari pemerintah.",
        "number": "119 ekstensi 8",
        "hours": "",
        "whatsapp_url": "",
    },
    {
        "name": "Layanan darurat 112",
        "description": "Jika ada bahaya saat ini juga: polisi, ambulans, pemadam.",
        "number": "112",
        "hours": "24 jam",
        "whatsapp_url": "",
    },
]

SITE_SETTINGS = {
    "tagline": "Ruang cerita dan saling dukung para ibu tunggal",
    "footer_text": (
        "Serambi ditulis dan digambar oleh relawan komunitas ibu tunggal.\n"
        "Tulisan di situs ini berbagi pengalaman, bukan pengganti nasihat "
        "psikolog, dokter, atau ahli hukum."
    ),
    "contact_email": "halo@serambi.example",
    "whatsapp_group_url": "https://chat.whatsapp.com/contoh-serambi",
    "facebook_url": "https://www.facebook.com/contoh.serambi",
    "instagram_url": "https://www.instagram.com/contoh.serambi/",
    "youtube_url": "https://www.youtube.com/@contoh-serambi",
    "tiktok_url": "https://www.tiktok.com/@contoh.serambi",
}

# --- Categories ---------------------------------------------------------------------

CATEGORIES = [
    (
        "dukungan-emosional",
        "Dukungan emosional",
        "Tentang sepi, sedih, marah, lega, dan orang-orang yang menemani kita "
        "melewatinya.",
    ),
    (
        "mengasuh-anak-sendiri",
        "Mengasuh anak sendiri",
        "Keseharian membesarkan anak tanpa pasangan: percakapan sulit, rutinitas, "
        "dan tawa di sela-selanya.",
    ),
    (
        "kerja-dan-keuangan",
        "Kerja dan keuangan",
        "Mencari nafkah, mengatur uang, berjualan, dan bertahan di akhir bulan.",
    ),
    (
        "merawat-diri",
        "Merawat diri",
        "Karena ibu juga manusia: istirahat, makan, tidur, dan waktu untuk diri "
        "sendiri.",
    ),
]

# --- Demo accounts ------------------------------------------------------------------
# Fixed passwords are acceptable only because seed_demo refuses to run without DEBUG.

USERS = [
    DemoUser(
        "admin",
        "serambi-admin",
        "Admin",
        "Serambi",
        "admin@serambi.example",
        "Administrator",
        is_superuser=True,
    ),
    DemoUser(
        "editor",
        "serambi-editor",
        "Fitri",
        "Handayani",
        "fitri@serambi.example",
        "Editor",
        group="Editors",
    ),
    DemoUser(
        "ratna",
        "serambi-ratna",
        "Ratna",
        "Wulandari",
        "ratna@serambi.example",
        "Kontributor (penulis)",
        group="Contributors",
    ),
    DemoUser(
        "sekar",
        "serambi-sekar",
        "Sekar",
        "Pramesti",
        "sekar@serambi.example",
        "Kontributor (ilustrator)",
        group="Contributors",
    ),
]

# --- Contributors -------------------------------------------------------------------

CONTRIBUTORS = [
    Contributor(
        slug="ratna-wulandari",
        title="Ratna Wulandari",
        short_bio=(
            "Ibu dua anak di Bekasi, staf keuangan di sebuah koperasi. Menulis tentang "
            "kembali bekerja, meminta tolong, dan pagi-pagi yang berantakan."
        ),
        bio=(
            "<p>Ratna menjadi ibu tunggal lima tahun lalu, ketika anak sulungnya baru "
            "masuk SD. Setelah delapan tahun di rumah, ia kembali bekerja dan kini "
            "mengurus pembukuan sebuah koperasi simpan pinjam.</p>"
            "<p>Ia bergabung dengan grup WhatsApp komunitas sebagai pembaca diam-diam, "
            "lalu pelan-pelan mulai menulis. Tulisannya sering lahir dari obrolan di "
            "motor saat mengantar anak sekolah.</p>"
        ),
        links=[
            ("instagram", "https://www.instagram.com/contoh.ratnawulan/", ""),
            ("website", "https://ratna.example/", "Catatan Ratna"),
        ],
        avatar=Avatar(
            "#e0ac82",
            "#d1495b",
            "#f6dcc0",
            "Ilustrasi potret Ratna Wulandari, perempuan berkerudung hijau tua yang "
            "tersenyum.",
            hijab="#3d7068",
        ),
        username="ratna",
        joined_days_ago=320,
    ),
    Contributor(
        slug="sekar-ayu-pramesti",
        title="Sekar Ayu Pramesti",
        short_bio=(
            "Desainer grafis dan ilustrator di Bandung. Menggambar untuk Serambi di "
            "sela pekerjaan lepas dan mengantar anaknya les menari."
        ),
        bio=(
            "<p>Sekar belajar menggambar dari buku tulis bekas kakaknya dan kini "
            "bekerja lepas sebagai desainer grafis. Ia membesarkan putrinya sendiri "
            "sejak anak itu berusia dua tahun.</p>"
            "<p>Ilustrasinya memakai warna-warna hangat dan bentuk sederhana. Katanya, "
            "ia ingin setiap gambar terasa seperti sore di teras rumah nenek.</p>"
        ),
        links=[
            ("instagram", "https://www.instagram.com/contoh.sekargambar/", ""),
            ("website", "https://sekar.example/portofolio/", "Portofolio"),
        ],
        avatar=Avatar(
            "#c98d62",
            "#e9c46a",
            "#cfe5dc",
            "Ilustrasi potret Sekar Ayu Pramesti, perempuan berambut hitam sebahu "
            "dan berkacamata.",
            hair="#2b1d16",
            glasses=True,
        ),
        username="sekar",
        joined_days_ago=310,
    ),
    Contributor(
        # She writes as "Bunda Senja" and keeps her real name and face off the site;
        # the slug comes from the pen name for the same reason.
        slug="bunda-senja",
        title="Nurul Hidayati",
        pen_name="Bunda Senja",
        use_pen_name_only=True,
        short_bio=(
            "Ibu dua anak yang menulis di malam hari, setelah rumah sunyi. Menyukai "
            "teh jahe, tanaman cabai di pot, dan buku-buku tipis."
        ),
        bio=(
            "<p>Bunda Senja mulai menulis di buku harian pada tahun pertama setelah "
            "bercerai, ketika malam terasa terlalu panjang. Sebagian catatan itu kini "
            "ia bagikan di Serambi.</p>"
            "<p>Ia memilih memakai nama pena supaya bisa menulis dengan jujur tanpa "
            "khawatir dibaca kerabat dan rekan kerja.</p>"
        ),
        links=[("website", "https://bundasenja.example/", "Catatan Bunda Senja")],
        avatar=Avatar(
            "#f1c7a1",
            "#8e4a5d",
            "#f4c7c3",
            "Ilustrasi potret perempuan berkerudung merah muda.",
            hijab="#c75d7b",
        ),
        joined_days_ago=290,
    ),
    Contributor(
        slug="maria-fransiska-lamanepa",
        title="Maria Fransiska Lamanepa",
        short_bio=(
            "Guru SD dari Larantuka, Flores, ibu dua anak. Menulis tentang percakapan "
            "sulit dengan anak dan keluarga besar."
        ),
        bio=(
            "<p>Maria mengajar di sebuah SD di Larantuka. Suaminya pergi merantau dan "
            "tidak kembali; sejak itu ia membesarkan dua anaknya bersama ibunya.</p>"
            "<p>Sebagai guru, ia sering menjadi tempat bertanya murid-murid yang orang "
            "tuanya berpisah. Pengalaman itu ia tuliskan untuk para ibu di Serambi.</p>"
        ),
        links=[("facebook", "https://www.facebook.com/contoh.marialamanepa", "")],
        avatar=Avatar(
            "#8a5636",
            "#2a9d8f",
            "#fbe8c4",
            "Ilustrasi potret Maria Fransiska Lamanepa, perempuan berambut hitam "
            "keriting yang tersenyum.",
            hair="#1b1411",
        ),
        joined_days_ago=280,
    ),
    Contributor(
        slug="yohana-siregar",
        title="Yohana Siregar",
        short_bio=(
            "Akuntan di Medan dan ibu seorang remaja. Menerjemahkan urusan uang yang "
            "rumit menjadi langkah-langkah kecil yang bisa dimulai hari ini."
        ),
        bio=(
            "<p>Yohana bekerja sebagai akuntan di sebuah perusahaan distribusi di "
            "Medan. Setelah bercerai, ia sempat terlilit utang kartu kredit dan butuh "
            "tiga tahun untuk melunasinya.</p>"
            "<p>Kini ia mengisi kelas keuangan keluarga untuk anggota komunitas, "
            "dengan satu prinsip: mulai dari angka yang masuk akal.</p>"
        ),
        links=[
            ("instagram", "https://www.instagram.com/contoh.yohanaduit/", ""),
            (
                "youtube",
                "https://www.youtube.com/@contoh-yohana",
                "Kelas uang keluarga",
            ),
        ],
        avatar=Avatar(
            "#e0ac82",
            "#3d5a80",
            "#e3e8f0",
            "Ilustrasi potret Yohana Siregar, perempuan berambut hitam panjang "
            "berkemeja biru.",
            hair="#2b1d16",
        ),
        joined_days_ago=260,
    ),
    Contributor(
        slug="fitri-handayani",
        title="Fitri Handayani",
        short_bio=(
            "Pendiri grup WhatsApp komunitas dan penyunting Serambi di Yogyakarta. "
            "Percaya bahwa setiap cerita layak didengar sampai selesai."
        ),
        bio=(
            "<p>Fitri membuat grup WhatsApp pertama komunitas ini pada suatu malam, "
            "untuk tujuh orang yang saling berbalas komentar. Grup itu kini menjadi "
            "beberapa grup wilayah dan sebuah situs.</p>"
            "<p>Di Serambi ia menyunting tulisan, menerjemahkan cerita dari bahasa "
            "Jawa, dan sesekali menggambar dengan cat air.</p>"
        ),
        links=[("instagram", "https://www.instagram.com/contoh.fitrihan/", "")],
        username="editor",
        joined_days_ago=330,
    ),
    Contributor(
        # No account and no photo: Bu Sri sends her stories on paper.
        slug="sri-rahayu",
        title="Sri Rahayu",
        short_bio=(
            "Penjual pecel di Madiun selama dua puluh tahun, ibu tiga anak. Menulis "
            "dalam bahasa Jawa; tulisannya diterjemahkan oleh tim Serambi."
        ),
        bio=(
            "<p>Bu Sri berjualan pecel di pinggir jalan di Madiun sejak suaminya "
            "meninggal. Dari warung itu ia menyekolahkan ketiga anaknya.</p>"
            "<p>Ia menulis tangan di buku bergaris, lalu cucunya memotret halaman-"
            "halamannya untuk dikirim ke redaksi.</p>"
        ),
        joined_days_ago=200,
    ),
    Contributor(
        slug="intan-permatasari",
        title="Intan Permatasari",
        short_bio=(
            "Ilustrator buku anak di Makassar. Suka menggambar dapur, pasar, dan "
            "tanaman di teras."
        ),
        bio=(
            "<p>Intan menggambar untuk penerbit buku anak dan sesekali untuk kampanye "
            "kesehatan ibu dan anak. Ia dibesarkan oleh ibunya sendiri dan ingin "
            "memberi kembali kepada komunitas.</p>"
        ),
        links=[
            ("instagram", "https://www.instagram.com/contoh.intangambar/", ""),
            ("website", "https://intan.example/", "Galeri Intan"),
        ],
        avatar=Avatar(
            "#c98d62",
            "#e07a5f",
            "#fdf0ea",
            "Ilustrasi potret Intan Permatasari, perempuan berkerudung kuning mustard.",
            hijab="#e9c46a",
        ),
        joined_days_ago=270,
    ),
    Contributor(
        slug="laras-kinanti",
        title="Laras Kinanti",
        short_bio=(
            "Mahasiswi desain komunikasi visual di Surakarta, anak seorang ibu "
            "tunggal. Menggambar untuk ibunya dan ibu-ibu lainnya."
        ),
        bio=(
            "<p>Laras tumbuh besar bersama ibu dan neneknya di Solo. Ia bergabung "
            "dengan Serambi setelah ibunya menunjukkan satu tulisan di situs ini "
            'dan berkata, "Ini cerita kita."</p>'
        ),
        links=[("tiktok", "https://www.tiktok.com/@contoh.larasgambar", "")],
        avatar=Avatar(
            "#a96d47",
            "#6a994e",
            "#f0c987",
            "Ilustrasi potret Laras Kinanti, perempuan muda berambut hitam diikat.",
            hair="#2b1d16",
        ),
        joined_days_ago=240,
    ),
]
