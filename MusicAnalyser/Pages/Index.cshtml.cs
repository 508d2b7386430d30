using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MusicAnalyser.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
